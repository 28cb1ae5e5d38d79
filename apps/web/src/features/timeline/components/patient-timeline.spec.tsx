import type { Page, TimelineItem } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { page, STORY, timelineItem } from '../testing/timeline.fixture';
import { PatientTimeline } from './patient-timeline';

const PATIENT_ID = '3c2d1e0f-0000-4000-8000-000000000042';

let requests: URL[] = [];

/** Answers each timeline request from `answer`, keyed by what it asked for; records every request. */
function stubTimelineApi(answer: (url: URL) => { status: number; body: Page<TimelineItem> | object }) {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = new URL(String(input), 'http://localhost');
      requests.push(url);
      const { status, body } = answer(url);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

const lastRequest = () => requests[requests.length - 1]!;
const renderTimeline = () => renderWithProviders(<PatientTimeline patientId={PATIENT_ID} timeZone="Europe/London" />);

describe('PatientTimeline', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every entry newest first with its kind, icon, clinic time and zone, who, and the reason in full', async () => {
    stubTimelineApi(() => ({ status: 200, body: page(STORY) }));
    renderTimeline();

    const list = await screen.findByRole('list', { name: 'History' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(STORY.length);
    expect(lastRequest().pathname).toBe(`/api/patients/${PATIENT_ID}/timeline`);
    expect(lastRequest().searchParams.has('kind')).toBe(false);

    const dose = entries[2]!;
    expect(within(dose).getByText(/Dose 300 mcg\/day → 330 mcg\/day/)).toBeTruthy();
    expect(within(dose).getByText('Dose change')).toBeTruthy();
    // 11:00 UTC on 20 Nov is 11:00 GMT in London; the zone is written out.
    expect(dose.querySelector('time')?.textContent).toBe('20 Nov 2026, 11:00 GMT');
    expect(dose.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-20T11:00:00.000Z');
    expect(within(dose).getByText(/by Nurse Tom Hughes/)).toBeTruthy();
    expect(within(dose).getByText(/Spasms at night\.\s+Override: agreed by phone with Dr Okafor/)).toBeTruthy();
    expect(dose.querySelector('[data-kind="dose_adjustment"] .tabler-icon-adjustments-horizontal')).not.toBeNull();

    const resolved = entries[0]!;
    expect(within(resolved).getByText('Flag resolved')).toBeTruthy();
    expect(within(resolved).getByText(/automatic, no user/)).toBeTruthy();
    expect(resolved.querySelector('.tabler-icon-circle-check')).not.toBeNull();
    expect(entries[3]!.querySelector('.tabler-icon-droplet')).not.toBeNull();
    expect(entries[4]!.querySelector('.tabler-icon-calendar-event')).not.toBeNull();
    expect(entries[5]!.querySelector('.tabler-icon-device-heart-monitor')).not.toBeNull();
    expect(entries[6]!.querySelector('.tabler-icon-flag')).not.toBeNull();

    expect(screen.getByText('Showing 7 entries, back to the first record')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it("asks only for the chosen kinds, a flag's three moments under Flags, and all again on All", async () => {
    stubTimelineApi((url) => ({
      status: 200,
      body: page(url.searchParams.get('kind') === 'dose_adjustment' ? [] : STORY),
    }));
    renderTimeline();
    await screen.findByRole('list', { name: 'History' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Flags' }));
    await waitFor(() =>
      expect(lastRequest().searchParams.get('kind')).toBe('flag_raised,flag_acknowledged,flag_resolved'),
    );
    expect((screen.getByRole('checkbox', { name: 'All' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Fills' }));
    await waitFor(() =>
      expect(lastRequest().searchParams.get('kind')).toBe('fill,flag_raised,flag_acknowledged,flag_resolved'),
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'All' }));
    await waitFor(() => expect(lastRequest().searchParams.has('kind')).toBe(false));

    fireEvent.click(screen.getByRole('checkbox', { name: 'Dose changes' }));
    expect(await screen.findByText('Nothing of these kinds')).toBeTruthy();
    expect(lastRequest().searchParams.get('kind')).toBe('dose_adjustment');
  });

  it('loads the next keyset page with the cursor the last page gave', async () => {
    stubTimelineApi((url) =>
      url.searchParams.get('cursor') === 'CURSOR-2'
        ? { status: 200, body: page([timelineItem({ title: 'First fill: 20 mL of 500 mcg/mL at 250 mcg/day' })]) }
        : { status: 200, body: page(STORY.slice(0, 2), 'CURSOR-2') },
    );
    renderTimeline();

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('First fill: 20 mL of 500 mcg/mL at 250 mcg/day')).toBeTruthy();
    expect(lastRequest().searchParams.get('cursor')).toBe('CURSOR-2');
    expect(lastRequest().searchParams.get('limit')).toBe('20');
    expect(within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('links each refill to its printable record when the page gives the way, never a first fill', async () => {
    const refill = timelineItem({ details: { isInitial: false } });
    const firstFill = timelineItem({
      at: '2026-06-01T09:00:00.000Z',
      title: 'First fill: 20 mL of 2000 mcg/mL at 400 mcg/day',
      details: { isInitial: true },
    });
    stubTimelineApi(() => ({ status: 200, body: page([refill, firstFill]) }));
    const withLinks = renderWithProviders(
      <PatientTimeline
        patientId={PATIENT_ID}
        timeZone="Europe/London"
        fillWorksheetHref={(fillId) => `/patients/${PATIENT_ID}/fills/${fillId}/worksheet`}
      />,
    );
    const [refillEntry, firstEntry] = within(await screen.findByRole('list', { name: 'History' })).getAllByRole(
      'listitem',
    );
    const link = within(refillEntry!).getByRole('link', { name: 'Worksheet of the refill on 20 Nov 2026, 10:15 GMT' });
    expect(link.getAttribute('href')).toBe(`/patients/${PATIENT_ID}/fills/${refill.id}/worksheet`);
    expect(within(firstEntry!).queryByRole('link')).toBeNull();
    withLinks.unmount();

    // Without the way (an administrator), no refill has a link.
    renderTimeline();
    await screen.findByRole('list', { name: 'History' });
    expect(screen.queryByRole('link', { name: /Worksheet/ })).toBeNull();
  });

  it('says when nothing is recorded, and offers a retry when the history fails to load', async () => {
    stubTimelineApi(() => ({ status: 200, body: page([]) }));
    const empty = renderTimeline();
    expect(await screen.findByText('Nothing recorded yet')).toBeTruthy();
    empty.unmount();

    let isDown = true;
    stubTimelineApi(() =>
      isDown
        ? { status: 500, body: { code: 'INTERNAL', message: 'The history is unavailable', details: [] } }
        : { status: 200, body: page(STORY) },
    );
    renderTimeline();
    expect(await screen.findByText('Could not load the history')).toBeTruthy();
    isDown = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'History' })).toBeTruthy();
  });
});
