import type { MeResponse } from '@itb/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { fail, ok, stubFetch } from '../testing/fetch-stub';
import { flagFixture, NURSE, PATIENT_ID, SPECIALIST } from '../testing/flag.fixture';
import { PatientFlagsBanner } from './patient-flags-banner';

const CRITICAL_SIGNS = flagFixture({
  id: 'f1a90000-0000-4000-8000-00000000000a',
  code: 'manual',
  severity: 'critical',
  raisedBy: NURSE,
  raisedAt: '2026-11-22T08:20:00.000Z',
  details: { summary: 'Fever: Temperature 38.4 °C at home', signs: ['fever'] },
  status: 'acknowledged',
  acknowledged: {
    byId: SPECIALIST.id,
    byName: SPECIALIST.name,
    at: '2026-11-22T10:20:00.000Z',
    note: 'Called the patient: seen in clinic tomorrow',
  },
});
const HIGH_RULE = flagFixture({
  id: 'f1a90000-0000-4000-8000-00000000000b',
  code: 'REFILL_DUE_UNSCHEDULED',
  severity: 'high',
  details: { summary: 'Refill due by 3 Dec 2026 and no refill booked on or before the alarm date 2026-12-08' },
});
const MODERATE_RULE = flagFixture({
  id: 'f1a90000-0000-4000-8000-00000000000c',
  code: 'RAPID_DOSE_REDUCTION',
  severity: 'moderate',
  details: { summary: 'Daily dose fell from 400 to 300 mcg/day (−25 %) within 48 h: watch for withdrawal' },
});
const DISCREPANCY = flagFixture({
  id: 'f1a90000-0000-4000-8000-00000000000d',
  code: 'RESIDUAL_DISCREPANCY',
  severity: 'high',
  details: { summary: 'Refill at 2026-11-20 09:00: residual +2.5 mL off expected, delivery error -15.2 %' },
});

const user = (role: MeResponse['role']) => ({ role }) as MeResponse;

function renderBanner(role: MeResponse['role'], items = [CRITICAL_SIGNS, HIGH_RULE, MODERATE_RULE]) {
  const api = stubFetch(() => ok({ items, nextCursor: null }));
  renderWithProviders(
    <PatientFlagsBanner
      patient={{ id: PATIENT_ID, name: 'Smith, Anna', isDeceased: false }}
      me={user(role)}
      timeZone="Europe/London"
    />,
  );
  return api;
}

const flagCard = (name: RegExp) => screen.findByRole('article', { name });

describe('PatientFlagsBanner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks only for this patient's open and acknowledged flags", async () => {
    const api = renderBanner('nurse');
    await flagCard(/Clinical signs/);
    const [call] = api.calls;
    expect(call?.path).toBe('/api/flags');
    expect(call?.search.get('patientId')).toBe(PATIENT_ID);
    expect(call?.search.get('status')).toBe('open,acknowledged');
  });

  it('names each severity in words as well as colour', async () => {
    renderBanner('nurse');
    const critical = await flagCard(/^Critical: Clinical signs$/);
    expect(within(critical).getByText('Critical')).toBeTruthy();
    expect(critical.getAttribute('data-severity')).toBe('critical');
    const high = screen.getByRole('article', { name: /^High: Refill due, not booked$/ });
    expect(within(high).getByText('High')).toBeTruthy();
    const moderate = screen.getByRole('article', { name: /^Moderate: Rapid dose reduction$/ });
    expect(within(moderate).getByText('Moderate')).toBeTruthy();
  });

  it('shows the summary, who raised each flag (a rule when nobody did) and when, in the clinic zone', async () => {
    renderBanner('nurse');
    const signs = await flagCard(/Clinical signs/);
    expect(within(signs).getByText('Fever: Temperature 38.4 °C at home')).toBeTruthy();
    expect(within(signs).getByText('Raised by Nurse Tom Hughes, 22 Nov 2026, 08:20 GMT')).toBeTruthy();
    const rule = screen.getByRole('article', { name: /Refill due, not booked/ });
    expect(within(rule).getByText('Raised by rule, 23 Nov 2026, 10:20 GMT')).toBeTruthy();
  });

  it('says who acknowledged a flag, when, and their note', async () => {
    renderBanner('nurse');
    const signs = await flagCard(/Clinical signs/);
    expect(within(signs).getByTestId('flag-acknowledged').textContent).toBe(
      'Acknowledged by Dr Amara Okafor, 22 Nov 2026, 10:20 GMT: Called the patient: seen in clinic tomorrow',
    );
    const rule = screen.getByRole('article', { name: /Refill due, not booked/ });
    expect(within(rule).queryByTestId('flag-acknowledged')).toBeNull();
  });

  it('lets a nurse acknowledge open flags and report signs, but not resolve', async () => {
    renderBanner('nurse', [CRITICAL_SIGNS, HIGH_RULE, DISCREPANCY]);
    const signs = await flagCard(/Clinical signs/);
    expect(within(signs).queryByRole('button', { name: /^Acknowledge/ })).toBeNull(); // already acknowledged
    const rule = screen.getByRole('article', { name: /Refill due, not booked/ });
    expect(within(rule).getByRole('button', { name: /^Acknowledge/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Resolve/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Report clinical signs' })).toBeTruthy();
  });

  it('offers a specialist Resolve only on clinical-sign and residual-discrepancy flags', async () => {
    renderBanner('specialist', [CRITICAL_SIGNS, HIGH_RULE, DISCREPANCY]);
    const signs = await flagCard(/Clinical signs/);
    expect(within(signs).getByRole('button', { name: /^Resolve/ })).toBeTruthy();
    const discrepancy = screen.getByRole('article', { name: /Residual discrepancy/ });
    expect(within(discrepancy).getByRole('button', { name: /^Resolve/ })).toBeTruthy();
    const rule = screen.getByRole('article', { name: /Refill due, not booked/ });
    expect(within(rule).queryByRole('button', { name: /^Resolve/ })).toBeNull();
  });

  it('gives an administrator the flags to read and nothing to press', async () => {
    renderBanner('admin', [CRITICAL_SIGNS, HIGH_RULE, DISCREPANCY]);
    await flagCard(/Clinical signs/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('refreshes after an acknowledgement, so the banner shows who acknowledged it', async () => {
    let current = HIGH_RULE;
    const api = stubFetch((call) => {
      if (call.method === 'POST') {
        current = {
          ...HIGH_RULE,
          status: 'acknowledged',
          acknowledged: { byId: NURSE.id, byName: NURSE.name, at: '2026-11-23T12:00:00.000Z', note: 'Booked' },
        };
        return ok(current);
      }
      return ok({ items: [current], nextCursor: null });
    });
    renderWithProviders(
      <PatientFlagsBanner
        patient={{ id: PATIENT_ID, name: 'Smith, Anna', isDeceased: false }}
        me={user('nurse')}
        timeZone="Europe/London"
      />,
    );
    const rule = await flagCard(/Refill due, not booked/);
    fireEvent.click(within(rule).getByRole('button', { name: /^Acknowledge/ }));
    fireEvent.change(await screen.findByLabelText('Note (optional)'), { target: { value: 'Booked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge flag' }));
    expect(await screen.findByText('Acknowledged by Nurse Tom Hughes, 23 Nov 2026, 12:00 GMT: Booked')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'GET')).toHaveLength(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says "No open flags" when there are none', async () => {
    renderBanner('nurse', []);
    expect(await screen.findByText('No open flags')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('says the flags could not be loaded, with a retry', async () => {
    stubFetch(() => fail(500, 'INTERNAL', 'Something went wrong on the server'));
    renderWithProviders(
      <PatientFlagsBanner
        patient={{ id: PATIENT_ID, name: 'Smith, Anna', isDeceased: false }}
        me={user('nurse')}
        timeZone="Europe/London"
      />,
    );
    expect(await screen.findByText('Could not load flags')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
