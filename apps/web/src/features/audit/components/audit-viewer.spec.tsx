import type { UserResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
// The shared fetch stub of the dashboard's specs (test code only).
import { fail, ok, stubFetch } from '../../flags/testing/fetch-stub';
import { auditEventFixture, fillCreatedFixture, NURSE_ID, PATIENT_ID } from '../testing/audit-event.fixture';
import { AuditViewer } from './audit-viewer';

const NURSE = { id: NURSE_ID, name: 'Nurse Tom Hughes', role: 'nurse', isActive: true } as UserResponse;
const SPECIALIST = {
  id: 'a1100000-0000-4000-8000-000000000002',
  name: 'Dr Amara Okafor',
  role: 'specialist',
  isActive: true,
} as UserResponse;
const noPatientSearch = { options: [], isSearching: false, onSearch: vi.fn() };

function renderViewer(route = '/audit') {
  renderWithProviders(
    <AuditViewer
      timeZone="Europe/London"
      actors={[NURSE, SPECIALIST]}
      patientSearch={noPatientSearch}
      getPatientHref={(id) => `/patients/${id}`}
    />,
    { route },
  );
}

describe('AuditViewer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the filters the address holds as the API’s query parameters, and names the chosen patient', async () => {
    const api = stubFetch(() => ok({ items: [auditEventFixture()], nextCursor: null }));
    renderViewer(
      `/audit?actorId=${NURSE_ID}&patientId=${PATIENT_ID}&entityType=appointment&action=appointment.&from=2026-11-01&to=2026-11-30`,
    );
    await screen.findByRole('link', { name: 'Smith, Anna' });
    const sent = api.calls[0]!;
    expect(sent.path).toBe('/api/audit-events');
    expect(Object.fromEntries(sent.search)).toEqual({
      actorId: NURSE_ID,
      patientId: PATIENT_ID,
      entityType: 'appointment',
      action: 'appointment.',
      from: '2026-11-01',
      to: '2026-11-30',
      limit: '50',
    });
    expect((screen.getByRole('combobox', { name: 'User' }) as HTMLSelectElement).value).toBe(NURSE_ID);
    expect((screen.getByLabelText(/^Record/) as HTMLSelectElement).value).toBe('appointment');
    expect((screen.getByRole('combobox', { name: 'Patient' }) as HTMLInputElement).value).toBe('Smith, Anna');
    // The action filter names the prefix in words.
    expect((screen.getByRole('combobox', { name: 'Action' }) as HTMLInputElement).value).toBe('Any appointment action');
  });

  it('asks again when a filter changes, the action once it is chosen by its name', async () => {
    const api = stubFetch(() => ok({ items: [auditEventFixture()], nextCursor: null }));
    renderViewer();
    await screen.findByRole('link', { name: 'Smith, Anna' });
    expect([...api.calls[0]!.search.keys()]).toEqual(['limit']);

    fireEvent.change(screen.getByRole('combobox', { name: 'User' }), { target: { value: SPECIALIST.id } });
    await waitFor(() => expect(api.calls.at(-1)?.search.get('actorId')).toBe(SPECIALIST.id));

    const action = screen.getByRole('combobox', { name: 'Action' });
    fireEvent.click(action);
    fireEvent.change(action, { target: { value: 'resolved' } });
    expect(api.calls.at(-1)?.search.get('action')).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Flag resolved' }));
    await waitFor(() => expect(api.calls.at(-1)?.search.get('action')).toBe('flag.resolve'));
    expect(api.calls.at(-1)?.search.get('actorId')).toBe(SPECIALIST.id);

    fireEvent.change(screen.getByLabelText(/^From/), { target: { value: '2026-11-20' } });
    await waitFor(() => expect(api.calls.at(-1)?.search.get('from')).toBe('2026-11-20'));
  });

  it('searches patients as the administrator types, and filters by the one chosen', async () => {
    const api = stubFetch(() => ok({ items: [auditEventFixture()], nextCursor: null }));
    const onSearch = vi.fn();
    renderWithProviders(
      <AuditViewer
        timeZone="Europe/London"
        actors={[NURSE]}
        patientSearch={{
          options: [{ value: PATIENT_ID, label: 'Smith, Anna · NS-000001' }],
          isSearching: false,
          onSearch,
        }}
        getPatientHref={(id) => `/patients/${id}`}
      />,
      { route: '/audit' },
    );
    await screen.findByRole('link', { name: 'Smith, Anna' });
    const patient = screen.getByRole('combobox', { name: 'Patient' });
    patient.focus();
    fireEvent.click(patient);
    fireEvent.change(patient, { target: { value: 'NS-0000' } });
    expect(onSearch).toHaveBeenLastCalledWith('NS-0000');
    fireEvent.click(await screen.findByRole('option', { name: 'Smith, Anna · NS-000001' }));
    await waitFor(() => expect(api.calls.at(-1)?.search.get('patientId')).toBe(PATIENT_ID));
    expect(onSearch).not.toHaveBeenCalledWith('Smith, Anna · NS-000001');
  });

  it('refuses a backwards date range with a message instead of asking the API', async () => {
    const api = stubFetch(() => ok({ items: [auditEventFixture()], nextCursor: null }));
    renderViewer('/audit?from=2026-11-20');
    await screen.findByRole('link', { name: 'Smith, Anna' });
    const calls = api.calls.length;
    fireEvent.change(screen.getByLabelText(/^To/), { target: { value: '2026-11-01' } });
    expect(await screen.findByText('Must not be before From')).toBeTruthy();
    expect(api.calls).toHaveLength(calls);
  });

  it('fetches the next page with its cursor on "Load more"', async () => {
    const api = stubFetch((call) =>
      call.search.get('cursor') === 'page-2'
        ? ok({ items: [fillCreatedFixture()], nextCursor: null })
        : ok({ items: [auditEventFixture()], nextCursor: 'page-2' }),
    );
    renderViewer('/audit?entityType=fill');
    await screen.findByTitle('appointment.arrived');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByTitle('fill.create');
    expect(api.calls[1]!.search.get('cursor')).toBe('page-2');
    expect(api.calls[1]!.search.get('entityType')).toBe('fill');
    expect(screen.getByText('Showing 2 events, newest first')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says when no event matches the filters, with a way to clear them', async () => {
    stubFetch(() => ok({ items: [], nextCursor: null }));
    renderViewer('/audit?entityType=clinic');
    expect(await screen.findByText('No events match these filters')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Clear filters' }).length).toBeGreaterThan(0);
  });

  it('says the log could not be loaded, with a retry', async () => {
    stubFetch(() => fail(500, 'INTERNAL', 'The server had a problem. Try again.'));
    renderViewer();
    expect(await screen.findByText('Could not load the audit log')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
