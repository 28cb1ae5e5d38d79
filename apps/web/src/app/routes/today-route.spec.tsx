import type { MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appointment } from '../../features/appointments/testing/appointments.fixture';
import { fail, ok, stubFetch, type StubbedCall } from '../../features/flags/testing/fetch-stub';
import { flagFixture } from '../../features/flags/testing/flag.fixture';
import { renderWithProviders } from '../../test-utils';
import { TodaysClinic } from './today-route';

const TODAY = '2026-11-23';
const me = (role: MeResponse['role']): MeResponse => ({
  id: 'a1100000-0000-4000-8000-000000000001',
  email: 'tom@example.org',
  name: 'Nurse Tom Hughes',
  role,
  clinic: { id: 'c1', name: 'Northside ITB Clinic', timeZone: 'Europe/London' },
  staffDigest: false,
});

const id = (n: number) => `7d0c2f1e-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const CHECKED_IN_REFILL = appointment({
  id: id(11),
  patientId: id(1),
  patientName: 'Smith, Anna',
  isHighRisk: true,
  startsAt: '2026-11-23T09:00:00.000Z',
  startsOn: TODAY,
  status: 'arrived',
});
const BOOKED_REFILL = appointment({
  id: id(12),
  patientId: id(2),
  patientName: 'Jones, Ben',
  mrn: 'NS-000002',
  startsAt: '2026-11-23T14:30:00.000Z',
  startsOn: TODAY,
  version: 3,
});
const DOSE_REVIEW = appointment({
  id: id(13),
  patientId: id(3),
  patientName: 'Patel, Chitra',
  mrn: 'NS-000003',
  type: 'dose_review',
  startsAt: '2026-11-23T11:00:00.000Z',
  startsOn: TODAY,
});
const CANCELLED = appointment({ id: id(14), status: 'cancelled', startsOn: TODAY, patientName: 'Gone, Gus' });
const OPEN_FLAG = flagFixture();

type Answers = { appointments?: unknown[] | 'fail'; flags?: unknown[] | 'fail'; tasks?: unknown[] };

function stubApi({ appointments = [], flags = [], tasks = [] }: Answers) {
  return stubFetch((call: StubbedCall) => {
    if (call.path === '/api/tasks') return ok(tasks);
    if (call.method === 'PATCH') return ok({ ...BOOKED_REFILL, status: 'arrived', version: 4 });
    if (call.path === '/api/appointments') {
      return appointments === 'fail'
        ? fail(500, 'INTERNAL', 'The server had a problem. Try again.')
        : ok({ items: appointments, nextCursor: null });
    }
    if (call.path === '/api/flags') {
      return flags === 'fail'
        ? fail(500, 'INTERNAL', 'The server had a problem. Try again.')
        : ok({
            // The API filters by code: the withdrawal-watch section asks for WITHDRAWAL_WATCH only.
            items: flags.filter(
              (f) => !call.search.get('code') || (f as { code: string }).code === call.search.get('code'),
            ),
            nextCursor: null,
          });
    }
    return fail(404, 'NOT_FOUND', 'Not found');
  });
}

const section = (name: RegExp) => screen.getByRole('region', { name });

describe("Today's clinic", () => {
  // Mid-morning of the clinic day the fixtures are booked on: the 11:00 and 14:30 visits are still to come.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("asks for the clinic's today and the flags nobody has acknowledged", async () => {
    const api = stubApi({});
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    await screen.findByText('No arrivals yet today');
    const appointments = api.calls.find((call) => call.path === '/api/appointments')!;
    expect(appointments.search.get('from')).toBe(TODAY);
    expect(appointments.search.get('to')).toBe(TODAY);
    const flags = api.calls.find((call) => call.path === '/api/flags' && !call.search.get('code'))!;
    expect(flags.search.get('status')).toBe('open');
    const watch = api.calls.find((call) => call.path === '/api/flags' && call.search.get('code'))!;
    expect(watch.search.get('code')).toBe('WITHDRAWAL_WATCH');
    expect(watch.search.get('status')).toBe('open,acknowledged');
    expect(screen.getByText(/Monday 23 November 2026 · times in (GMT|BST) \(Europe\/London\)/)).toBeTruthy();
  });

  it('shows each section with its count in the heading', async () => {
    stubApi({ appointments: [BOOKED_REFILL, DOSE_REVIEW, CHECKED_IN_REFILL, CANCELLED], flags: [OPEN_FLAG] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    expect(await screen.findByRole('heading', { name: 'Arrivals 3' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Refills to record 2' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Flags to acknowledge 1' })).toBeTruthy();

    const arrivals = section(/^Arrivals/);
    const cards = within(arrivals).getAllByRole('article');
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'Refill, Smith, Anna, 09:00–09:30',
      'Dose review, Patel, Chitra, 11:00–11:30',
      'Refill, Jones, Ben, 14:30–15:00',
    ]);
    expect(within(arrivals).getByText('1 checked in · 2 still to come')).toBeTruthy();
    expect(within(arrivals).queryByText('Gone, Gus')).toBeNull();
  });

  it('lists refills to record, checked-in patients first, each with a link to the refill form', async () => {
    stubApi({ appointments: [BOOKED_REFILL, DOSE_REVIEW, CHECKED_IN_REFILL] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    await screen.findByRole('heading', { name: 'Refills to record 2' });
    const refills = section(/^Refills to record/);
    const [first, second] = within(refills).getAllByRole('article');
    expect(within(first!).getByText('Smith, Anna')).toBeTruthy();
    expect(within(first!).getByText('High risk')).toBeTruthy();
    expect(within(first!).getByText('Checked in')).toBeTruthy();
    expect(within(second!).getByText('Jones, Ben')).toBeTruthy();
    expect(within(refills).getByRole('link', { name: 'Record refill for Smith, Anna' }).getAttribute('href')).toBe(
      `/patients/${id(1)}/refill`,
    );
    expect(within(refills).getByRole('link', { name: 'Record refill for Jones, Ben' }).getAttribute('href')).toBe(
      `/patients/${id(2)}/refill`,
    );
  });

  it('checks in a booked patient with the version shown', async () => {
    const api = stubApi({ appointments: [BOOKED_REFILL] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    const arrivals = await screen.findByRole('region', { name: /^Arrivals/ });
    fireEvent.click(await within(arrivals).findByRole('button', { name: 'Check in' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      method: 'PATCH',
      path: `/api/appointments/${BOOKED_REFILL.id}`,
      body: { version: 3, status: 'arrived' },
    });
  });

  it('keeps a patient on withdrawal watch after the flag is acknowledged, until it is resolved', async () => {
    const watched = {
      ...OPEN_FLAG,
      id: '00000000-0000-4000-8000-0000000000ww',
      code: 'WITHDRAWAL_WATCH',
      severity: 'high',
      status: 'acknowledged',
    };
    stubApi({ flags: [watched] });
    renderWithProviders(<TodaysClinic me={me('specialist')} today={TODAY} />);
    expect(await screen.findByRole('heading', { name: 'Withdrawal watch 1' })).toBeTruthy();
    const watch = section(/^Withdrawal watch/);
    expect(within(watch).getByText('Smith, Anna')).toBeTruthy();
    fireEvent.click(within(watch).getByRole('button', { name: /^Resolve Withdrawal watch for Smith, Anna/ }));
    expect(await screen.findByRole('dialog', { name: 'Resolve flag' })).toBeTruthy();
  });

  it('opens the acknowledge dialog from a flag', async () => {
    stubApi({ flags: [OPEN_FLAG] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge Refill overdue for Smith, Anna' }));
    expect(await screen.findByRole('dialog', { name: 'Acknowledge flag' })).toBeTruthy();
  });

  it('lists the calls the reminder planner opened and records one with what came of it', async () => {
    const task = {
      id: '00000000-0000-4000-8000-0000000000c1',
      kind: 'call_overdue_unbooked',
      patient: { id: id(5), mrn: 'NS-000005', name: 'Grace Hopper', phone: '+44 7700 900123' },
      pumpId: id(6),
      details: 'Refill overdue and none booked.',
      createdAt: '2026-11-23T07:00:00.000Z',
    };
    const calls = stubApi({ tasks: [task] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    expect(await screen.findByRole('heading', { name: 'Calls to make 1' })).toBeTruthy();
    const list = section(/^Calls to make/);
    expect(within(list).getByText('+44 7700 900123')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Called' }));
    const dialog = await screen.findByRole('dialog', { name: 'Call Grace Hopper' });
    fireEvent.change(within(dialog).getByLabelText(/What came of the call/), {
      target: { value: 'Booked for Thursday' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark done' }));
    await waitFor(() =>
      expect(calls.calls.find((c) => c.method === 'POST')).toMatchObject({
        path: `/api/tasks/${task.id}/done`,
        body: { note: 'Booked for Thursday' },
      }),
    );
  });

  it('says so when there is nothing to do', async () => {
    stubApi({ appointments: [{ ...CHECKED_IN_REFILL, status: 'fulfilled' }] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    expect(await screen.findByText('Every refill booked for today is recorded')).toBeTruthy();
    expect(screen.getByText('1 already recorded today')).toBeTruthy();
    expect(await screen.findByText('No flags to acknowledge')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Refills to record 0' })).toBeTruthy();
  });

  it('shows a failed section with a retry while the others still work', async () => {
    stubApi({ appointments: 'fail', flags: [OPEN_FLAG] });
    renderWithProviders(<TodaysClinic me={me('nurse')} today={TODAY} />);
    expect(await screen.findByText("Could not load today's arrivals")).toBeTruthy();
    expect(screen.getByText("Could not load today's refills")).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(2);
    expect(await screen.findByRole('heading', { name: 'Flags to acknowledge 1' })).toBeTruthy();
  });
});
