import type { FlagResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { fail, ok, stubFetch } from '../testing/fetch-stub';
import { flagFixture, NURSE, PATIENT_ID, SPECIALIST } from '../testing/flag.fixture';
import { AcknowledgeFlagModal } from './acknowledge-flag-modal';
import { ReportClinicalSignsModal } from './report-clinical-signs-modal';
import { ResolveFlagModal } from './resolve-flag-modal';

const SIGNS_FLAG = flagFixture({
  code: 'manual',
  raisedBy: NURSE,
  details: { summary: 'Fever: Temperature 38.4 °C at home', signs: ['fever'] },
});
const RESOLVE = `/api/flags/${SIGNS_FLAG.id}/resolve`;
const ACKNOWLEDGE = `/api/flags/${SIGNS_FLAG.id}/acknowledge`;
const acknowledged = {
  ...SIGNS_FLAG,
  status: 'acknowledged',
  acknowledged: { byId: SPECIALIST.id, byName: SPECIALIST.name, at: '2026-11-23T11:00:00.000Z', note: null },
};
const resolved = {
  ...SIGNS_FLAG,
  status: 'resolved',
  resolved: { byId: SPECIALIST.id, byName: SPECIALIST.name, at: '2026-11-23T11:00:00.000Z', note: 'x' },
};

const typeInto = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('ResolveFlagModal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('requires a note and sends nothing without one', async () => {
    const api = stubFetch(() => ok(resolved));
    renderWithProviders(<ResolveFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    typeInto(/Resolution note/, '   ');
    press('Resolve flag');
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(screen.getByLabelText(/Resolution note/).getAttribute('aria-invalid')).toBe('true');
    expect(api.writes()).toHaveLength(0);
  });

  it('focuses the note when it opens', async () => {
    stubFetch(() => ok(resolved));
    renderWithProviders(<ResolveFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Resolution note/)));
  });

  it('sends the note with one Idempotency-Key for every attempt of the dialog, and closes on success', async () => {
    let attempts = 0;
    const api = stubFetch((call) => {
      if (call.path !== RESOLVE) return ok({ items: [], nextCursor: null });
      attempts += 1;
      return attempts === 1 ? fail(500, 'INTERNAL', 'The server had a problem. Try again.') : ok(resolved);
    });
    const onClose = vi.fn();
    renderWithProviders(<ResolveFlagModal flag={SIGNS_FLAG} onClose={onClose} />);
    typeInto(/Resolution note/, 'Interrogated: pump log matches the programmed rate');
    press('Resolve flag');
    expect(await screen.findByText('The server had a problem. Try again.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    press('Resolve flag');
    await waitFor(() => expect(onClose).toHaveBeenCalled());

    const [first, second] = api.writes();
    expect(first?.path).toBe(RESOLVE);
    expect(first?.body).toEqual({ note: 'Interrogated: pump log matches the programmed rate' });
    expect(first?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers['Idempotency-Key']).toBe(first?.headers['Idempotency-Key']);
  });

  it("shows the server's field error beside the note", async () => {
    stubFetch(() =>
      fail(400, 'VALIDATION_FAILED', 'Invalid input: note must be at most 2000 characters', [
        { field: 'note', message: 'must be at most 2000 characters' },
      ]),
    );
    renderWithProviders(<ResolveFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    typeInto(/Resolution note/, 'A note the server refuses');
    press('Resolve flag');
    const message = await screen.findByText('Must be at most 2000 characters');
    const note = screen.getByLabelText(/Resolution note/);
    expect(note.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText('Some entries need attention. Check the marked fields.')).toBeTruthy();
  });

  it('says so when someone else resolved the flag first', async () => {
    stubFetch(() =>
      fail(409, 'CONFLICT', 'This flag is already resolved', [{ field: 'status', message: 'is resolved' }]),
    );
    renderWithProviders(<ResolveFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    typeInto(/Resolution note/, 'Seen in clinic');
    press('Resolve flag');
    expect(await screen.findByText('This flag has changed')).toBeTruthy();
    expect(screen.getByText(/This flag is already resolved/)).toBeTruthy();
  });

  it('makes a new Idempotency-Key each time the dialog opens', async () => {
    const api = stubFetch((call) => (call.path === RESOLVE ? ok(resolved) : ok({ items: [], nextCursor: null })));
    function Harness() {
      const [flag, setFlag] = useState<FlagResponse | null>(null);
      return (
        <>
          <button onClick={() => setFlag(SIGNS_FLAG)}>Open</button>
          <ResolveFlagModal flag={flag} onClose={() => setFlag(null)} />
        </>
      );
    }
    renderWithProviders(<Harness />);
    for (const note of ['First', 'Second']) {
      press('Open');
      typeInto(/Resolution note/, note);
      press('Resolve flag');
      await waitFor(() => expect(screen.queryByLabelText(/Resolution note/)).toBeNull());
    }
    const [first, second] = api.writes();
    expect(second?.body).toEqual({ note: 'Second' });
    expect(second?.headers['Idempotency-Key']).not.toBe(first?.headers['Idempotency-Key']);
  });
});

describe('AcknowledgeFlagModal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('focuses the optional note and sends an empty body without one', async () => {
    const api = stubFetch((call) =>
      call.path === ACKNOWLEDGE ? ok(acknowledged) : ok({ items: [], nextCursor: null }),
    );
    const onClose = vi.fn();
    renderWithProviders(<AcknowledgeFlagModal flag={SIGNS_FLAG} onClose={onClose} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Note (optional)')));
    press('Acknowledge flag');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [write] = api.writes();
    expect(write?.path).toBe(ACKNOWLEDGE);
    expect(write?.body).toEqual({});
    expect(write?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the note when one is written', async () => {
    const api = stubFetch((call) =>
      call.path === ACKNOWLEDGE ? ok(acknowledged) : ok({ items: [], nextCursor: null }),
    );
    renderWithProviders(<AcknowledgeFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    typeInto('Note (optional)', 'Called the patient');
    press('Acknowledge flag');
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ note: 'Called the patient' });
  });

  it('says so when the flag was acknowledged by someone else first', async () => {
    stubFetch(() =>
      fail(409, 'CONFLICT', 'This flag is already acknowledged', [{ field: 'status', message: 'is acknowledged' }]),
    );
    renderWithProviders(<AcknowledgeFlagModal flag={SIGNS_FLAG} onClose={vi.fn()} />);
    press('Acknowledge flag');
    expect(await screen.findByText('This flag has changed')).toBeTruthy();
  });
});

describe('ReportClinicalSignsModal', () => {
  afterEach(() => vi.unstubAllGlobals());

  const renderReport = (onClose = vi.fn()) =>
    renderWithProviders(
      <ReportClinicalSignsModal patient={{ id: PATIENT_ID, name: 'Smith, Anna' }} opened onClose={onClose} />,
    );

  it('says plainly that it raises a critical flag, focuses the kind, and lists the 13 withdrawal signs', async () => {
    stubFetch(() => ok({}));
    renderReport();
    expect(screen.getByText('This raises a critical flag')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Withdrawal signs' })));
    expect(screen.getAllByRole('checkbox')).toHaveLength(13);
    for (const sign of ['Rigidity', 'High blood pressure', 'Seizures', 'Hallucinations', 'Suspected rhabdomyolysis']) {
      expect(screen.getByRole('checkbox', { name: sign })).toBeTruthy();
    }
  });

  it('switches to the 6 overdose signs, keeping only a ticked sign both kinds share, and sends the kind', async () => {
    const api = stubFetch((call) =>
      call.method === 'POST' ? { status: 201, body: SIGNS_FLAG } : ok({ items: [], nextCursor: null }),
    );
    const onClose = vi.fn();
    renderReport(onClose);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fever' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seizures' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Overdose signs' }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(6);
    expect(screen.queryByRole('checkbox', { name: 'Fever' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Seizures' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Severe drowsiness' }));
    typeInto(/^Note/, 'Hard to wake since the dose went up');
    press('Raise critical flag');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.writes()[0]?.body).toEqual({
      kind: 'overdose',
      signs: ['severe_drowsiness', 'seizures'],
      note: 'Hard to wake since the dose went up',
    });
  });

  it('requires at least one sign and a note', async () => {
    const api = stubFetch(() => ok({}));
    renderReport();
    press('Raise critical flag');
    expect(await screen.findByText('Choose at least one sign')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
  });

  it('sends the chosen signs and the note to the patient, with an Idempotency-Key', async () => {
    const api = stubFetch((call) =>
      call.method === 'POST' ? { status: 201, body: SIGNS_FLAG } : ok({ items: [], nextCursor: null }),
    );
    const onClose = vi.fn();
    renderReport(onClose);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pruritus (itching without rash)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Returning spasticity' }));
    typeInto(/^Note/, 'Carer reports itching and stiffer legs since last night');
    press('Raise critical flag');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [write] = api.writes();
    expect(write?.path).toBe(`/api/patients/${PATIENT_ID}/flags`);
    expect(write?.body).toEqual({
      kind: 'withdrawal',
      signs: ['pruritus', 'returning_spasticity'],
      note: 'Carer reports itching and stiffer legs since last night',
    });
    expect(write?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
