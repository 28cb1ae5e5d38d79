import type { CalendarFeedStatus, MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { CalendarFeedCard } from './calendar-feed-card';

const TOKEN = 'Q'.repeat(43);
const me = (role: MeResponse['role']): MeResponse => ({
  id: '3c2d1e0f-0000-4000-8000-000000000001',
  email: `${role}@northside.example`,
  name: 'Dr Test',
  role,
  clinic: { id: '3c2d1e0f-0000-4000-8000-0000000000c1', name: 'Northside', timeZone: 'Europe/London' },
  staffDigest: false,
});
const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
const FEED: CalendarFeedStatus = {
  feed: { scope: 'mine', createdAt: '2026-03-05T14:30:00.000Z', lastFetchedAt: null },
};

/** A fake API: answers by method and path, and records what was sent. */
function stubApi(answers: Record<string, () => Response>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers[`${method} ${path}`];
    return answer ? answer() : json(500, { code: 'INTERNAL', message: 'unexpected call', details: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('CalendarFeedCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes an address holding only my appointments and shows it once, under this origin', async () => {
    const calls = stubApi({
      'GET /api/calendar-feed': () => json(200, { feed: null }),
      'POST /api/calendar-feed': () => json(201, { feed: FEED.feed, token: TOKEN, path: `/api/calendar/${TOKEN}.ics` }),
    });
    renderWithProviders(<CalendarFeedCard me={me('nurse')} />);
    expect(await screen.findByText('You have no calendar address.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Only my appointments' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make my calendar address' }));
    const address = (await screen.findByLabelText('Your calendar address')) as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}/api/calendar/${TOKEN}.ics`);
    expect(screen.getByText('Shown only now')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ scope: 'mine' });
  });

  it("offers an administrator only the clinic's appointments", async () => {
    stubApi({ 'GET /api/calendar-feed': () => json(200, { feed: null }) });
    renderWithProviders(<CalendarFeedCard me={me('admin')} />);
    expect(await screen.findByText(/It holds all of the clinic/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Only my appointments' })).toBeNull();
  });

  it('shows when the feed was made on the clinic clock, and revokes only after confirming', async () => {
    const calls = stubApi({
      'GET /api/calendar-feed': () => json(200, FEED),
      'DELETE /api/calendar-feed': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<CalendarFeedCard me={me('specialist')} />);
    // 14:30Z on 5 March is 14:30 GMT in London (no summer time yet).
    expect(await screen.findByText(/Made 5 Mar 2026, 14:30 GMT · last fetched by a calendar app never/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Only my appointments' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the feed' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('says when the feed cannot be loaded and offers to retry', async () => {
    stubApi({
      'GET /api/calendar-feed': () =>
        json(503, { code: 'DATABASE_UNAVAILABLE', message: 'The database cannot be reached', details: [] }),
    });
    renderWithProviders(<CalendarFeedCard me={me('nurse')} />);
    expect(await screen.findByText('Could not load your calendar feed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
