import type { MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { ok, stubFetch } from '../testing/fetch-stub';
import { flagFixture, SPECIALIST } from '../testing/flag.fixture';
import { FlagsWorkList } from './flags-work-list';

const user = (role: MeResponse['role']) => ({ role }) as MeResponse;
const FIRST = flagFixture({ isHighRisk: true });
const SECOND = flagFixture({
  id: 'f1a90000-0000-4000-8000-000000000002',
  patientId: '7d0c2f1e-0000-4000-8000-000000000002',
  patientName: 'Jones, Ben',
  mrn: 'NS-000002',
  code: 'REFILL_DUE_UNSCHEDULED',
  severity: 'high',
  status: 'acknowledged',
  details: { summary: 'Refill due by 3 Dec 2026 and no refill booked' },
  acknowledged: { byId: SPECIALIST.id, byName: SPECIALIST.name, at: '2026-11-23T11:05:00.000Z', note: 'Booking' },
});

function renderList(role: MeResponse['role'], route = '/flags') {
  renderWithProviders(
    <FlagsWorkList me={user(role)} timeZone="Europe/London" getPatientHref={(id) => `/patients/${id}`} />,
    { route },
  );
}

describe('FlagsWorkList', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each row with severity, rule, patient link, MRN, high-risk marker and who acknowledged', async () => {
    stubFetch(() => ok({ items: [FIRST, SECOND], nextCursor: null }));
    renderList('nurse');
    const [, first, second] = await screen.findAllByRole('row');
    expect(within(first!).getByText('Critical')).toBeTruthy();
    expect(within(first!).getByText('Refill overdue')).toBeTruthy();
    expect(within(first!).getByRole('link', { name: 'Smith, Anna' }).getAttribute('href')).toBe(
      `/patients/${FIRST.patientId}`,
    );
    expect(within(first!).getByText('NS-000001')).toBeTruthy();
    expect(within(first!).getByText('High risk')).toBeTruthy();
    expect(within(first!).getByText('Raised by rule, 23 Nov 2026, 10:20 GMT')).toBeTruthy();
    expect(within(second!).getByText('High')).toBeTruthy();
    expect(within(second!).queryByText('High risk')).toBeNull();
    expect(within(second!).getByText('Acknowledged by Dr Amara Okafor, 23 Nov 2026, 11:05 GMT')).toBeTruthy();
    expect(within(second!).queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });

  it('sends the filters from the address and fetches the next page with its cursor', async () => {
    const api = stubFetch((call) =>
      call.search.get('cursor') === 'page-2'
        ? ok({ items: [SECOND], nextCursor: null })
        : ok({ items: [FIRST], nextCursor: 'page-2' }),
    );
    renderList('specialist', '/flags?status=resolved&severity=critical&code=manual');
    await screen.findByRole('link', { name: 'Smith, Anna' });
    const first = api.calls[0]!;
    expect(first.search.get('status')).toBe('resolved');
    expect(first.search.get('severity')).toBe('critical');
    expect(first.search.get('code')).toBe('manual');
    expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('critical');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Jones, Ben' });
    expect(api.calls[1]!.search.get('cursor')).toBe('page-2');
    expect(api.calls[1]!.search.get('code')).toBe('manual');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('asks again when a filter changes', async () => {
    const api = stubFetch(() => ok({ items: [FIRST], nextCursor: null }));
    renderList('nurse');
    await screen.findByRole('link', { name: 'Smith, Anna' });
    expect(api.calls[0]!.search.get('status')).toBe('open,acknowledged');
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'high' } });
    await waitFor(() => expect(api.calls.at(-1)?.search.get('severity')).toBe('high'));
  });

  it('keeps both filters when two change in quick succession', async () => {
    const api = stubFetch(() => ok({ items: [FIRST], nextCursor: null }));
    renderList('nurse');
    await screen.findByRole('link', { name: 'Smith, Anna' });
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: 'manual' } });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'critical' } });
    await waitFor(() => expect(api.calls.at(-1)?.search.get('severity')).toBe('critical'));
    expect(api.calls.at(-1)?.search.get('code')).toBe('manual');
    expect((screen.getByLabelText('Rule') as HTMLSelectElement).value).toBe('manual');
  });

  it('says "No open flags" when nothing needs attention', async () => {
    stubFetch(() => ok({ items: [], nextCursor: null }));
    renderList('nurse');
    expect(await screen.findByText('No open flags')).toBeTruthy();
  });

  it('gives an administrator no actions', async () => {
    stubFetch(() => ok({ items: [FIRST, SECOND], nextCursor: null }));
    renderList('admin');
    await screen.findByRole('link', { name: 'Smith, Anna' });
    expect(screen.queryByRole('button', { name: /^Acknowledge|^Resolve/ })).toBeNull();
  });

  it('acknowledges the ticked open flags with one note, in one request', { timeout: 20_000 }, async () => {
    const THIRD = flagFixture({
      id: 'f1a90000-0000-4000-8000-000000000003',
      patientId: '7d0c2f1e-0000-4000-8000-000000000003',
      patientName: 'Khan, Omar',
      code: 'manual',
      details: { summary: 'Withdrawal signs reported', signs: ['fever'] },
    });
    const api = stubFetch((call) =>
      call.method === 'POST'
        ? ok({
            items: [
              { ...FIRST, status: 'acknowledged' },
              { ...THIRD, status: 'acknowledged' },
            ],
          })
        : ok({ items: [FIRST, SECOND, THIRD], nextCursor: null }),
    );
    renderList('nurse');
    await screen.findAllByRole('row');
    const bulk = screen.getByRole('button', { name: 'Acknowledge selected' }) as HTMLButtonElement;
    expect(bulk.disabled).toBe(true);
    // An acknowledged flag has nothing to tick.
    expect(screen.queryByRole('checkbox', { name: /for Jones, Ben$/ })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /for Smith, Anna$/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /for Khan, Omar$/ }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.click(bulk);
    const dialog = await screen.findByRole('dialog', { name: 'Acknowledge selected flags' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge 2 flags' }));
    expect(await within(dialog).findByText('Required')).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/^Note/), { target: { value: 'Both phoned' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge 2 flags' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      path: '/api/flags/acknowledge',
      body: { ids: [FIRST.id, THIRD.id], note: 'Both phoned' },
    });
    expect(api.writes()[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
