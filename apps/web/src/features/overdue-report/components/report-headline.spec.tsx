import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { reportHeadline } from '../testing/report.fixture';
import { ReportHeadline } from './report-headline';

const figure = (label: string) => {
  const group = screen.getByRole('group', { name: label });
  return { value: within(group).getByTestId('figure-value').textContent, text: group.textContent ?? '' };
};

describe('ReportHeadline', () => {
  it('shows every figure with its unit and what it counts', () => {
    renderWithProviders(<ReportHeadline report={reportHeadline()} />);
    expect(figure('Overdue now')).toMatchObject({ value: '3 pumps' });
    expect(figure('Past alarm now')).toMatchObject({ value: '1 pump' });
    expect(figure('On time this month').value).toBe('83.3%');
    expect(figure('On time this month').text).toContain('of refills in Nov 2026');
    expect(figure('On time over the period').value).toBe('94%');
    expect(figure('On time over the period').text).toContain('141 of 150 refills');
    expect(figure('No-show rate').value).toBe('4.5%');
    expect(figure('No-show rate').text).toContain('7 of 157 refill appointments');
    expect(figure('Median refill → alarm').value).toBe('11 days');
    expect(figure('Median refill → alarm').text).toContain('before the alarm');
  });

  it('marks overdue pumps in red and a clear board in green', () => {
    const { unmount } = renderWithProviders(<ReportHeadline report={reportHeadline()} />);
    const overdue = within(screen.getByRole('group', { name: 'Overdue now' })).getByTestId('figure-value');
    expect(overdue.getAttribute('style') ?? '').toContain('red');
    unmount();
    renderWithProviders(<ReportHeadline report={reportHeadline({ overdueNow: 0, pastAlarmNow: 0 })} />);
    expect(figure('Overdue now').value).toBe('0 pumps');
    const clear = within(screen.getByRole('group', { name: 'Overdue now' })).getByTestId('figure-value');
    expect(clear.getAttribute('style') ?? '').toContain('green');
  });

  it('shows a dash, not 0 %, when there was nothing to count, and a late median as late', () => {
    renderWithProviders(
      <ReportHeadline
        report={reportHeadline({
          refills: 0,
          onTime: 0,
          onTimeRatePct: null,
          onTimeRateThisMonthPct: null,
          refillAppointments: 0,
          noShows: 0,
          noShowRatePct: null,
          medianDaysRefillToAlarm: -2.5,
        })}
      />,
    );
    expect(figure('On time over the period')).toMatchObject({ value: '—' });
    expect(figure('On time over the period').text).toContain('No refills in this period');
    expect(figure('On time this month').text).toContain('No refills yet in Nov 2026');
    expect(figure('No-show rate').value).toBe('—');
    expect(figure('Median refill → alarm').value).toBe('2.5 days late');
    expect(figure('Median refill → alarm').text).toContain('after the alarm');
  });
});
