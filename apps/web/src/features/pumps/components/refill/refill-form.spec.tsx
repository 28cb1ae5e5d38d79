import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoToDateTimeLocal } from '../../../../lib/datetime-local';
import { renderWithProviders } from '../../../../test-utils';
import { pumpBasisOf } from '../../lib/pump-basis';
import { json, mockApi, on } from '../../testing/mock-api';
import {
  SERVER_REFILL_PREVIEW,
  WORKED_ADJUSTMENTS,
  WORKED_CLINIC,
  WORKED_PATIENT,
  WORKED_PUMP,
  WORKED_REFILL,
} from '../../testing/worked-pump.fixture';
import { RefillForm } from './refill-form';

const FILLS = `/api/pumps/${WORKED_PUMP.id}/fills`;
const basis = pumpBasisOf(WORKED_PUMP, WORKED_ADJUSTMENTS, WORKED_PATIENT, WORKED_CLINIC);

function renderForm(role: 'nurse' | 'specialist' = 'nurse') {
  const props = { onRecorded: vi.fn(), onCancel: vi.fn(), onReload: vi.fn() };
  renderWithProviders(
    <RefillForm
      patientId={WORKED_PUMP.patientId}
      openedBasis={basis}
      role={role}
      timeZone="Europe/London"
      {...props}
    />,
  );
  return props;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function typeWorkedRefill() {
  type(/Refill performed at/, isoToDateTimeLocal(WORKED_REFILL.performedAt, 'Europe/London'));
  type(/Residual withdrawn/, String(WORKED_REFILL.residualWithdrawnMl));
  type(/Volume added/, String(WORKED_REFILL.volumeAddedMl));
  fireEvent.change(screen.getByRole('combobox', { name: /Concentration/ }), { target: { value: '1000' } });
  type(/Daily dose/, String(WORKED_REFILL.dailyDoseMcg));
  type(/Bolus allowance/, '');
  type(/Lot number/, WORKED_REFILL.lotNumber);
  type(/Lot expiry/, WORKED_REFILL.lotExpiresOn);
  // 500 → 1,000 mcg/mL is a concentration change: the bridge-bolus question must be answered.
  fireEvent.click(within(screen.getByRole('radiogroup', { name: /Was a bridge bolus given/ })).getByLabelText('No'));
}

/** The server check waits 400 ms after the last keystroke before it asks. */
const SERVER_WAIT = { timeout: 3000 };

const previewAnswers = on('POST', `${FILLS}/preview`, () => json(200, SERVER_REFILL_PREVIEW));

// Each case types a whole refill into a real form: slow on a loaded machine.
describe('RefillForm', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags a residual discrepancy in words and colour as the nurse types', () => {
    mockApi(previewAnswers);
    renderForm();
    type(/Refill performed at/, isoToDateTimeLocal(WORKED_REFILL.performedAt, 'Europe/London'));
    expect(screen.queryByTestId('preview-expected-residual')).toBeNull();
    type(/Residual withdrawn/, '8.5');
    expect(screen.queryByTestId('preview-expected-residual')).toBeNull();
    type(/Volume added/, '19');
    type(/Bolus allowance/, '20');
    // The programme alone (no allowance): 10.94 mL expected, 8.5 found.
    expect(screen.getByTestId('preview-residual-found').textContent).toBe('8.5 mL');
    expect(screen.getByTestId('preview-expected-residual').textContent).toMatch(/^10\.94 mL/);
    expect(screen.getByTestId('preview-discrepancy').textContent).toBe('-2.44 mL');
    expect(screen.getByTestId('preview-delivery-error').textContent).toBe('+32.3%');
    expect(screen.getByText('Residual discrepancy: possible over-infusion')).toBeTruthy();

    type(/Residual withdrawn/, '9.87');
    expect(screen.getByTestId('preview-discrepancy').textContent).toBe('-1.07 mL');
    expect(screen.queryByText(/Residual discrepancy:/)).toBeNull();
    expect(screen.getByText('Within tolerance')).toBeTruthy();
  });

  it("shows the new dates and says when the server's numbers are the same", { timeout: 20_000 }, async () => {
    mockApi(previewAnswers);
    renderForm();
    typeWorkedRefill();
    expect(screen.getByTestId('preview-alarm').textContent).toMatch(/^14 Feb 2027, 05:10 GMT/);
    expect(screen.getByTestId('preview-empty').textContent).toBe('4 Mar 2027, 09:32 GMT');
    expect(screen.getByTestId('preview-refill-by').textContent).toBe('9 Feb 2027');
    expect(await screen.findByText('Confirmed: the server computes the same numbers.', {}, SERVER_WAIT)).toBeTruthy();
  });

  it('lists the numbers on which the server disagrees', async () => {
    mockApi(on('POST', `${FILLS}/preview`, () => json(200, { ...SERVER_REFILL_PREVIEW, refillBy: '2027-02-08' })));
    renderForm();
    typeWorkedRefill();
    expect(await screen.findByText(/The server computes different numbers/, {}, SERVER_WAIT)).toBeTruthy();
    expect(screen.getByText(/Refill by: server 8 Feb 2027, here 9 Feb 2027/)).toBeTruthy();
  });

  it('sends the pump version and one Idempotency-Key, the same again on a retry', async () => {
    let attempts = 0;
    const api = mockApi(
      previewAnswers,
      on('POST', FILLS, () =>
        ++attempts === 1
          ? json(500, { code: 'INTERNAL', message: 'Something went wrong on our side.', details: [] })
          : json(201, { ...SERVER_REFILL_PREVIEW, id: 'f1', performedById: 'u1', performedByName: 'Nurse' }),
      ),
    );
    const { onRecorded } = renderForm();
    typeWorkedRefill();
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    expect(await screen.findByText('Something went wrong on our side.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalledTimes(1));

    const [first, second] = api.callsTo('POST', FILLS);
    expect(first!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers['Idempotency-Key']).toBe(first!.headers['Idempotency-Key']);
    expect(first!.body).toMatchObject({
      ...WORKED_REFILL,
      pumpVersion: WORKED_PUMP.version,
      patientBolusMcgPerDay: null,
      bridgeBolusMl: null,
    });
    expect(first!.body).not.toHaveProperty('bridgeBolusAnswer');
    expect(first!.body).not.toHaveProperty('confirmShortInterval');
  });

  it('keeps every typed value when the save fails because the database is down', async () => {
    mockApi(
      previewAnswers,
      on('POST', FILLS, () =>
        json(503, {
          code: 'DATABASE_UNAVAILABLE',
          message:
            'The database is unavailable, so nothing was saved. Try again in a moment; what you entered is kept.',
          details: [],
        }),
      ),
    );
    const { onRecorded } = renderForm();
    typeWorkedRefill();
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    expect(await screen.findByText(/The database is unavailable, so nothing was saved/)).toBeTruthy();

    const value = (label: RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect(value(/Refill performed at/)).toBe(isoToDateTimeLocal(WORKED_REFILL.performedAt, 'Europe/London'));
    expect(value(/Residual withdrawn/)).toBe(String(WORKED_REFILL.residualWithdrawnMl));
    expect(value(/Volume added/)).toBe(String(WORKED_REFILL.volumeAddedMl));
    expect(value(/Daily dose/)).toBe(String(WORKED_REFILL.dailyDoseMcg));
    expect(value(/Lot number/)).toBe(WORKED_REFILL.lotNumber);
    expect(value(/Lot expiry/)).toBe(WORKED_REFILL.lotExpiresOn);
    expect((screen.getByRole('combobox', { name: /Concentration/ }) as HTMLSelectElement).value).toBe('1000');
    expect((screen.getByRole('button', { name: 'Save refill' }) as HTMLButtonElement).disabled).toBe(false);
    expect(onRecorded).not.toHaveBeenCalled();
  });

  it('says someone else changed the pump on a 409, and offers to reload it', async () => {
    mockApi(
      previewAnswers,
      on('POST', FILLS, () =>
        json(409, {
          code: 'STALE_VERSION',
          message: 'This pump was changed by someone else since you opened it.',
          details: [{ field: 'version', message: 'is out of date' }],
        }),
      ),
    );
    const { onReload, onRecorded } = renderForm();
    typeWorkedRefill();
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    expect(await screen.findByText('Someone else recorded a change to this pump')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save refill' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Reload pump' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onRecorded).not.toHaveBeenCalled();
  });

  it('will not let a nurse save a reprogrammed dose beyond the titration limit', () => {
    const api = mockApi(previewAnswers);
    renderForm('nurse');
    typeWorkedRefill();
    type(/Daily dose/, '140');
    expect(
      screen.getByText(/Increase of 40\.0 % exceeds the 30 % limit for spinal-origin spasticity by 10\.0 %/),
    ).toBeTruthy();
    expect(screen.getByTestId('blocked-for-role').textContent).toMatch(/only a specialist may record this dose/);
    const save = screen.getByRole('button', { name: 'Save refill' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    expect(api.callsTo('POST', FILLS)).toHaveLength(0);
  });

  it('puts the server field errors beside the fields', async () => {
    mockApi(
      previewAnswers,
      on('POST', FILLS, () =>
        json(422, {
          code: 'RULE_VIOLATION',
          message: 'lotExpiresOn is before the fill date: the lot had expired',
          details: [{ field: 'lotExpiresOn', message: 'is before the fill date: the lot had expired' }],
        }),
      ),
    );
    renderForm();
    typeWorkedRefill();
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    expect(await screen.findByText('Before the fill date: the lot had expired')).toBeTruthy();
  });
});

/*
 * Issue 11's concentration change, worked by hand: 20 mL of 2,000 mcg/mL at 400 mcg/day since 1 Oct 2026
 * 09:00 (0.2 mL/day); on 20 Nov 09:00 (50 days, 10 mL delivered) 7 mL is withdrawn and 3 mL left in the
 * reservoir, then 17 mL of 500 mcg/mL added (20 mL after). Mixed (3 × 2,000 + 17 × 500) / 20 = 725 mcg/mL;
 * the pump delivers 400/500 = 0.8 mL/day of it, so the real dose is 0.8 × 725 = 580 mcg/day: +45 % from 400,
 * beyond the 30 % spinal limit.
 */
const MIXED_FILL_AT = '2026-10-01T09:00:00.000Z';
const mixedBasis = pumpBasisOf(
  {
    ...WORKED_PUMP,
    currentFill: {
      ...WORKED_PUMP.currentFill,
      performedAt: MIXED_FILL_AT,
      reservoirVolumeAfterMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      patientBolusMcgPerDay: null,
    },
    doseHistory: { firstFillAt: '2026-06-01T09:00:00.000Z', steps: [{ at: MIXED_FILL_AT, dailyDoseMcg: 400 }] },
  },
  [],
  WORKED_PATIENT,
  WORKED_CLINIC,
);

function renderMixed(role: 'nurse' | 'specialist') {
  const props = { onRecorded: vi.fn(), onCancel: vi.fn(), onReload: vi.fn() };
  renderWithProviders(
    <RefillForm
      patientId={WORKED_PUMP.patientId}
      openedBasis={mixedBasis}
      role={role}
      timeZone="Europe/London"
      {...props}
    />,
  );
  type(/Refill performed at/, isoToDateTimeLocal('2026-11-20T09:00:00.000Z', 'Europe/London'));
  type(/Residual withdrawn/, '7');
  type(/Volume added/, '17');
  type(/Volume in the reservoir after/, '20');
  fireEvent.change(screen.getByRole('combobox', { name: /Concentration/ }), { target: { value: '500' } });
  type(/Lot number/, 'L9');
  type(/Lot expiry/, '2027-06-30');
  return props;
}

describe('RefillForm at a concentration change with drug left in the reservoir', () => {
  afterEach(() => vi.unstubAllGlobals());
  const refused = on('POST', `${FILLS}/preview`, () =>
    json(422, { code: 'RULE_VIOLATION', message: 'Real dose beyond the limit', details: [] }),
  );

  it(
    'shows the residual found, the mixed concentration and the real dose, and stops a nurse',
    { timeout: 20_000 },
    () => {
      const api = mockApi(refused);
      renderMixed('nurse');
      expect(screen.getByTestId('preview-residual-found').textContent).toMatch(/^10 mL withdrawn \+ 3 mL left/);
      expect(screen.getByTestId('preview-expected-residual').textContent).toMatch(/^10 mL/);
      expect(screen.getByTestId('preview-mixed-concentration').textContent).toBe('725 mcg/mL');
      expect(screen.getByTestId('preview-real-dose').textContent).toMatch(/^580 mcg\/day programmed 400 mcg\/day/);
      expect(screen.getByText(/Increase of 45\.0 % exceeds the 30 % limit for spinal-origin spasticity/)).toBeTruthy();
      expect(screen.getByRole('radiogroup', { name: /Was a bridge bolus given/ })).toBeTruthy();
      const save = screen.getByRole('button', { name: 'Save refill' }) as HTMLButtonElement;
      expect(save.disabled).toBe(true);
      fireEvent.click(save);
      expect(api.callsTo('POST', FILLS)).toHaveLength(0);
    },
  );

  it('asks a specialist for a reason and the bridge-bolus answer, then sends both', { timeout: 20_000 }, async () => {
    const api = mockApi(
      refused,
      on('POST', FILLS, () =>
        json(201, { ...SERVER_REFILL_PREVIEW, id: 'f2', performedById: 'u2', performedByName: 'Dr' }),
      ),
    );
    const { onRecorded } = renderMixed('specialist');
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    expect(await screen.findByText('Answer: was a bridge bolus given?')).toBeTruthy();
    expect(screen.getByText('Required above the titration limit')).toBeTruthy();
    expect(api.callsTo('POST', FILLS)).toHaveLength(0);

    const question = screen.getByRole('radiogroup', { name: /Was a bridge bolus given/ });
    fireEvent.click(within(question).getByLabelText('Yes'));
    type(/Bolus volume/, '0.25');
    type(/Override reason/, 'Planned: bridging the catheter, watched for 24 h');
    fireEvent.click(screen.getByRole('button', { name: 'Save refill' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST', FILLS)[0]!.body).toMatchObject({
      residualWithdrawnMl: 7,
      volumeAddedMl: 17,
      reservoirVolumeAfterMl: 20,
      concentrationMcgPerMl: 500,
      dailyDoseMcg: 400,
      bridgeBolusMl: 0.25,
      overrideReason: 'Planned: bridging the catheter, watched for 24 h',
    });
  });
});
