import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { queueRow } from '../testing/queue-row.fixture';
import { RefillQueue } from './refill-queue';

const SPECIALIST = '7d0c2f1e-0000-4000-8000-00000000000a';
const OTHER_USER = '7d0c2f1e-0000-4000-8000-00000000000b';

let requests: URL[] = [];

function stubQueueApi(pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {}) {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = new URL(String(input), 'http://localhost');
      requests.push(url);
      const page = pages[url.searchParams.get('cursor') ?? ''] ?? { items: [queueRow()], nextCursor: null };
      return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

function renderQueue(userId: string, canFilterMine = true) {
  return renderWithProviders(
    <RefillQueue
      userId={userId}
      canFilterMine={canFilterMine}
      timeZone="Europe/London"
      today="2026-11-23"
      getPatientHref={(id) => `/patients/${id}`}
      getCalendarDayHref={(date) => `/calendar?date=${date}`}
    />,
  );
}

const lastRequest = () => requests[requests.length - 1]!;

describe('RefillQueue filters', () => {
  beforeEach(() => stubQueueApi());
  afterEach(() => {
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it("remembers a user's filters across visits, and not for another user", async () => {
    const first = renderQueue(SPECIALIST);
    await screen.findByRole('table', { name: 'Due-refill queue' });
    expect(lastRequest().searchParams.get('withinDays')).toBe('30');

    fireEvent.change(screen.getByLabelText(/Refill by within/), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Not booked only' }));
    fireEvent.change(screen.getByLabelText(/Worst flag at least/), { target: { value: 'high' } });
    fireEvent.click(screen.getByRole('switch', { name: 'My patients only' }));
    await waitFor(() => expect(lastRequest().searchParams.get('clinicianId')).toBe(SPECIALIST));
    expect(Object.fromEntries(lastRequest().searchParams)).toMatchObject({
      withinDays: '7',
      unscheduledOnly: 'true',
      minSeverity: 'high',
    });
    first.unmount();

    stubQueueApi();
    const again = renderQueue(SPECIALIST);
    await screen.findByRole('table', { name: 'Due-refill queue' });
    expect((screen.getByLabelText(/Refill by within/) as HTMLSelectElement).value).toBe('7');
    expect((screen.getByRole('switch', { name: 'My patients only' }) as HTMLInputElement).checked).toBe(true);
    expect(requests[0]!.searchParams.get('withinDays')).toBe('7');
    expect(requests[0]!.searchParams.get('clinicianId')).toBe(SPECIALIST);
    again.unmount();

    stubQueueApi();
    renderQueue(OTHER_USER);
    await screen.findByRole('table', { name: 'Due-refill queue' });
    expect((screen.getByLabelText(/Refill by within/) as HTMLSelectElement).value).toBe('30');
    expect(requests[0]!.searchParams.has('clinicianId')).toBe(false);
    expect(requests[0]!.searchParams.has('unscheduledOnly')).toBe(false);
  });

  it('offers "My patients only" only to a user who can be primary specialist', async () => {
    window.localStorage.setItem(
      `itb.refill-queue.filters.${OTHER_USER}`,
      JSON.stringify({ withinDays: 30, unscheduledOnly: false, minSeverity: '', isMinePatientsOnly: true }),
    );
    renderQueue(OTHER_USER, false);
    await screen.findByRole('table', { name: 'Due-refill queue' });
    expect(screen.queryByRole('switch', { name: 'My patients only' })).toBeNull();
    expect(requests[0]!.searchParams.has('clinicianId')).toBe(false);
  });

  it('loads the next keyset page on "Load more"', async () => {
    stubQueueApi({
      '': { items: [queueRow({ pumpId: 'p1' })], nextCursor: 'CURSOR-2' },
      'CURSOR-2': { items: [queueRow({ pumpId: 'p2', patientName: 'Jones, Bea' })], nextCursor: null },
    });
    renderQueue(SPECIALIST);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Jones, Bea')).toBeTruthy();
    expect(lastRequest().searchParams.get('cursor')).toBe('CURSOR-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText('Showing 2 pumps')).toBeTruthy();
  });

  it('says so when nothing is due, and shows the error with a retry when the queue fails', async () => {
    stubQueueApi({ '': { items: [], nextCursor: null } });
    const empty = renderQueue(SPECIALIST);
    expect(await screen.findByText('No refills due in the next 30 days')).toBeTruthy();
    empty.unmount();

    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(
        async () =>
          new Response(JSON.stringify({ code: 'INTERNAL', message: 'The queue is unavailable', details: [] }), {
            status: 500,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    renderQueue(SPECIALIST);
    expect(await screen.findByText('Could not load the refill queue')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
