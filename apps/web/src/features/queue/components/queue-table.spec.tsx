import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { queueRow } from '../testing/queue-row.fixture';
import type { QueueViewProps } from './queue-cells';
import { QueueTable } from './queue-table';

const TODAY = '2026-11-23';

function renderTable(rows: QueueViewProps['rows'], onBook?: QueueViewProps['onBook']) {
  renderWithProviders(
    <QueueTable
      rows={rows}
      timeZone="Europe/London"
      today={TODAY}
      getPatientHref={(id) => `/patients/${id}`}
      getCalendarDayHref={(date) => `/calendar?view=day&date=${date}`}
      onBook={onBook}
    />,
  );
  return screen.getAllByRole('row').slice(1);
}

describe('QueueTable', () => {
  it('marks an overdue row in red and says how overdue in words', () => {
    const [overdue, due] = renderTable([
      queueRow({
        pumpId: 'p1',
        isOverdue: true,
        daysOverdue: 10,
        refillBy: '2026-11-13',
        daysToAlarm: -5,
        proposedDate: TODAY,
      }),
      queueRow({ pumpId: 'p2', patientName: 'Jones, Bea' }),
    ]);
    expect(overdue!.getAttribute('data-overdue')).toBe('true');
    expect(overdue!.style.backgroundColor).toContain('red');
    expect(within(overdue!).getByText('Overdue 10 days')).toBeTruthy();
    expect(within(overdue!).getByText('Alarm passed')).toBeTruthy();
    expect(due!.getAttribute('data-overdue')).toBeNull();
    expect(within(due!).queryByText(/^Overdue/)).toBeNull();
    expect(within(due!).getByText('Due tomorrow')).toBeTruthy();
  });

  it('says "1 day" for a pump overdue by one day', () => {
    const [row] = renderTable([queueRow({ isOverdue: true, daysOverdue: 1, refillBy: '2026-11-22' })]);
    expect(within(row!).getByText('Overdue 1 day')).toBeTruthy();
  });

  it('carries the "High risk" badge only on high-risk patients, and links the name to the chart', () => {
    const [risky, other] = renderTable([
      queueRow({ pumpId: 'p1', isHighRisk: true }),
      queueRow({ pumpId: 'p2', patientName: 'Jones, Bea', patientId: '7d0c2f1e-0000-4000-8000-000000000002' }),
    ]);
    expect(within(risky!).getByText('High risk')).toBeTruthy();
    expect(within(other!).queryByText('High risk')).toBeNull();
    expect(within(other!).getByRole('link', { name: 'Jones, Bea' }).getAttribute('href')).toBe(
      '/patients/7d0c2f1e-0000-4000-8000-000000000002',
    );
    expect(within(risky!).getByText('NS-000001')).toBeTruthy();
  });

  it('shows pump, volume and alarm with their units and the clinic-time alarm', () => {
    const [row] = renderTable([queueRow()]);
    expect(within(row!).getByText('SynchroMed II 20 mL')).toBeTruthy();
    expect(within(row!).getByText('3.2 mL')).toBeTruthy();
    expect(within(row!).getByText('6 days')).toBeTruthy();
    expect(within(row!).getByTestId('alarm-at').textContent).toBe('29 Nov 2026, 10:00');
  });

  it('offers "Book" with the proposed date when nothing is booked, and hands the row over', () => {
    const onBook = vi.fn();
    const row = queueRow({ proposedDate: '2026-11-24' });
    const [tr] = renderTable([row], onBook);
    expect(within(tr!).getByTestId('proposed-date').textContent).toBe('Proposed Tue 24 Nov 2026');
    fireEvent.click(within(tr!).getByRole('button', { name: 'Book refill for Smith, Anna' }));
    expect(onBook).toHaveBeenCalledWith(row);
  });

  it('shows the next appointment instead of "Book" once one is booked', () => {
    const [tr] = renderTable(
      [
        queueRow({
          nextAppointment: {
            id: '7d0c2f1e-0000-4000-8000-0000000000b1',
            startsAt: '2026-11-24T09:30:00.000Z',
            status: 'booked',
            version: 1,
          },
        }),
      ],
      vi.fn(),
    );
    expect(within(tr!).queryByRole('button', { name: /Book/ })).toBeNull();
    const link = within(tr!).getByRole('link', { name: 'Tue 24 Nov 2026' });
    expect(link.getAttribute('href')).toBe('/calendar?view=day&date=2026-11-24');
    expect(within(tr!).getByText('09:30 · Booked')).toBeTruthy();
  });

  it('names the worst flag in words beside its coloured severity', () => {
    const [flagged, clear] = renderTable([
      queueRow({
        pumpId: 'p1',
        worstFlag: { code: 'REFILL_DUE_UNSCHEDULED', severity: 'high', summary: 'Refill due by 24 Nov, none booked' },
      }),
      queueRow({ pumpId: 'p2' }),
    ]);
    const flag = within(flagged!).getByTestId('worst-flag');
    expect(within(flag).getByText('High').closest('[data-severity]')?.getAttribute('data-severity')).toBe('high');
    expect(flag.textContent).toContain('Refill due, not booked');
    expect(within(clear!).getByText('None open')).toBeTruthy();
  });

  it('says a dry reservoir is empty, since when and for how long, in place of the alarm', () => {
    // Alarm 29 Nov 10:00 at 2 mL, 0.2 mL/day: empty 10 days later; the server counts 50 h without drug.
    const [dry, dryToday] = renderTable([
      queueRow({ pumpId: 'p1', daysToAlarm: -12, emptyAt: '2026-12-09T10:00:00.000Z', hoursWithoutDrug: 50 }),
      queueRow({ pumpId: 'p2', daysToAlarm: -10, emptyAt: '2026-12-09T10:00:00.000Z', hoursWithoutDrug: 0 }),
    ]);
    expect(within(dry!).getByTestId('reservoir-empty').textContent).toBe('Empty since 9 Dec 20262 days without drug');
    expect(within(dry!).queryByText('Alarm passed')).toBeNull();
    expect(within(dryToday!).getByTestId('reservoir-empty').textContent).toContain('under an hour without drug');
  });
});
