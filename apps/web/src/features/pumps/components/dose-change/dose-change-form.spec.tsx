import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../../test-utils';
import { pumpBasisOf } from '../../lib/pump-basis';
import { json, mockApi, on } from '../../testing/mock-api';
import {
  SERVER_DOSE_PREVIEW,
  SPECIALIST_ID,
  WORKED_ADJUSTMENTS,
  WORKED_CLINIC,
  WORKED_PATIENT,
  WORKED_PUMP,
} from '../../testing/worked-pump.fixture';
import { DoseChangeForm } from './dose-change-form';

const ADJUSTMENTS = `/api/pumps/${WORKED_PUMP.id}/dose-adjustments`;
const basis = pumpBasisOf(WORKED_PUMP, WORKED_ADJUSTMENTS, WORKED_PATIENT, WORKED_CLINIC);
const LIMIT_MESSAGE = /Increase of 40\.0 % exceeds the 30 % limit for spinal-origin spasticity by 10\.0 %/;

function renderForm(role: 'nurse' | 'specialist') {
  const props = { onRecorded: vi.fn(), onCancel: vi.fn(), onReload: vi.fn() };
  renderWithProviders(
    <DoseChangeForm
      patientId={WORKED_PUMP.patientId}
      openedBasis={basis}
      role={role}
      timeZone="Europe/London"
      specialists={[{ id: SPECIALIST_ID, name: 'Dr Amara Okafor' }]}
      defaultOrderedById={SPECIALIST_ID}
      currentAlarmAt={WORKED_PUMP.projection!.alarmAt}
      currentRefillBy={WORKED_PUMP.projection!.refillBy}
      {...props}
    />,
  );
  return props;
}

function enterDose(dailyDoseMcg: string) {
  fireEvent.change(screen.getByLabelText(/New daily dose/), { target: { value: dailyDoseMcg } });
  fireEvent.change(screen.getByRole('combobox', { name: /Reason/ }), { target: { value: 'titration_up' } });
}

const DATABASE_DOWN = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is unavailable, so nothing was saved. Try again in a moment; what you entered is kept.',
  details: [],
};

const reviewButton = () => screen.getByRole('button', { name: 'Review change' }) as HTMLButtonElement;

describe('DoseChangeForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the limit and the excess as a nurse types +40 % for a spinal patient, and will not go on', () => {
    const api = mockApi();
    renderForm('nurse');
    fireEvent.change(screen.getByLabelText(/New daily dose/), { target: { value: '130' } });
    expect(screen.getByText(/Increase of 30\.0 % is within the 30 % limit for spinal-origin spasticity/)).toBeTruthy();
    enterDose('140');
    expect(screen.getByText('Above the titration limit')).toBeTruthy();
    expect(screen.getByText(LIMIT_MESSAGE)).toBeTruthy();
    expect(screen.getByText(/Only a specialist may record this change/)).toBeTruthy();
    expect(screen.getByTestId('dose-live-change').textContent).toBe('100 mcg/day → 140 mcg/day (+40%)');
    expect(reviewButton().disabled).toBe(true);
    fireEvent.click(reviewButton());
    expect(api.calls).toHaveLength(0);
  });

  it('asks a specialist for an override reason above the limit before anything is sent', async () => {
    const api = mockApi();
    renderForm('specialist');
    enterDose('140');
    expect(screen.getByText(/You may record it with a written override reason/)).toBeTruthy();
    expect(reviewButton().disabled).toBe(false);
    fireEvent.click(reviewButton());
    expect(await screen.findByText('Required above the titration limit')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('warns of a daily dose above 1,000 mcg/day', () => {
    mockApi();
    renderForm('specialist');
    enterDose('1100');
    expect(screen.getByText('High daily dose')).toBeTruthy();
    expect(screen.getByText(/above 1,000 mcg\/day: limited clinical experience/)).toBeTruthy();
  });

  it('confirms every setting before → after, then saves once with the pump version and an Idempotency-Key', async () => {
    const api = mockApi(
      on('POST', `${ADJUSTMENTS}/preview`, () => json(200, SERVER_DOSE_PREVIEW)),
      on('POST', ADJUSTMENTS, (call) => json(201, { ...SERVER_DOSE_PREVIEW, ...(call.body as object), id: 'd1' })),
    );
    const { onRecorded } = renderForm('nurse');
    enterDose('110');
    fireEvent.click(reviewButton());

    const table = await screen.findByRole('table', { name: 'Settings before and after' });
    const row = (setting: string) => within(table).getByRole('row', { name: new RegExp(`^${setting}`) }).textContent;
    expect(row('Daily dose')).toBe('Daily dose100 mcg/day110 mcg/day');
    expect(row('Daily volume')).toBe('Daily volume0.22 mL/day0.24 mL/day');
    expect(row('Alarm date')).toBe('Alarm date19 Oct 2026, 16:44 BST19 Oct 2026, 16:44 BST');
    expect(row('Refill-by date')).toBe('Refill-by date14 Oct 202614 Oct 2026');
    expect(screen.getByText('Dr Amara Okafor')).toBeTruthy();
    expect(api.callsTo('POST', ADJUSTMENTS)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Confirm and save' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalledTimes(1));
    const [save] = api.callsTo('POST', ADJUSTMENTS);
    expect(save!.body).toMatchObject({
      newDailyDoseMcg: 110,
      reason: 'titration_up',
      orderedById: SPECIALIST_ID,
      pumpVersion: WORKED_PUMP.version,
    });
    expect(save!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the server's 422 beside the dose when it refuses the change anyway", async () => {
    mockApi(
      on('POST', `${ADJUSTMENTS}/preview`, () =>
        json(422, {
          code: 'RULE_VIOLATION',
          message: 'Increase of 31.0 % exceeds the 30 % limit. Only a specialist may record this change.',
          details: [{ field: 'newDailyDoseMcg', message: 'Increase of 31.0 % exceeds the 30 % limit' }],
        }),
      ),
    );
    renderForm('nurse');
    enterDose('110');
    fireEvent.click(reviewButton());
    expect(await screen.findByText('Increase of 31.0 % exceeds the 30 % limit')).toBeTruthy();
    expect(screen.getByText('Some entries need attention. Check the marked fields.')).toBeTruthy();
  });

  it('keeps the typed dose and reason when the save fails because the database is down', async () => {
    mockApi(
      on('POST', `${ADJUSTMENTS}/preview`, () => json(200, SERVER_DOSE_PREVIEW)),
      on('POST', ADJUSTMENTS, () => json(503, DATABASE_DOWN)),
    );
    const { onRecorded } = renderForm('nurse');
    enterDose('110');
    fireEvent.click(reviewButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and save' }));

    expect(await screen.findByText(DATABASE_DOWN.message)).toBeTruthy();
    expect((screen.getByLabelText(/New daily dose/) as HTMLInputElement).value).toBe('110');
    expect((screen.getByRole('combobox', { name: /Reason/ }) as HTMLSelectElement).value).toBe('titration_up');
    expect(onRecorded).not.toHaveBeenCalled();
  });
});
