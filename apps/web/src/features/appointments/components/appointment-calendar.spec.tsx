import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { appointment, clinic, stubFetch } from '../testing/appointments.fixture';
import { AppointmentCalendar, type AppointmentCalendarProps } from './appointment-calendar';

function renderCalendar(props: Partial<AppointmentCalendarProps> = {}) {
  const onNavigate = vi.fn();
  renderWithProviders(
    <AppointmentCalendar
      view="week"
      date="2026-11-25"
      today="2026-11-23"
      clinic={clinic()}
      canManage
      onNavigate={onNavigate}
      getPatientHref={(id) => `/patients/${id}`}
      getRecordRefillHref={(id) => `/patients/${id}/refill`}
      {...props}
    />,
  );
  return onNavigate;
}

describe('AppointmentCalendar', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the Monday-to-Sunday week, puts each appointment on its day and hatches closed days', async () => {
    const sent = stubFetch(() => ({
      status: 200,
      body: {
        items: [
          appointment({ startsOn: '2026-11-24', startsAt: '2026-11-24T09:00:00.000Z' }),
          appointment({
            id: '7d0c2f1e-0000-4000-8000-0000000000d2',
            patientName: 'Jones, Bea',
            startsOn: '2026-11-28',
            startsAt: '2026-11-28T10:00:00.000Z',
            status: 'cancelled',
          }),
        ],
        nextCursor: null,
      },
    }));
    renderCalendar();
    const tuesday = await screen.findByRole('region', { name: 'Tue 24 Nov 2026' });
    expect(sent[0]!.path).toBe('/api/appointments?from=2026-11-23&to=2026-11-29&limit=200');
    expect(within(tuesday).getByRole('article', { name: 'Refill, Smith, Anna, 09:00–09:30' })).toBeTruthy();
    expect(within(tuesday).queryByText('Not a clinic day')).toBeNull();

    const saturday = screen.getByRole('region', { name: 'Sat 28 Nov 2026' });
    expect(saturday.getAttribute('data-clinic-day')).toBe('false');
    expect(within(saturday).getByText('Not a clinic day')).toBeTruthy();
    expect(within(saturday).getByText('Cancelled')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Sun 29 Nov 2026' })).getByText('Not a clinic day')).toBeTruthy();
    expect(screen.getByTestId('calendar-range').textContent).toBe('Mon 23 Nov 2026 – Sun 29 Nov 2026');
  });

  it('steps a week at a time and opens a day', async () => {
    stubFetch(() => ({ status: 200, body: { items: [], nextCursor: null } }));
    const onNavigate = renderCalendar();
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    expect(onNavigate).toHaveBeenLastCalledWith({ view: 'week', date: '2026-12-02' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open Thu 26 Nov 2026 as a day' }));
    expect(onNavigate).toHaveBeenLastCalledWith({ view: 'day', date: '2026-11-26' });
  });
});
