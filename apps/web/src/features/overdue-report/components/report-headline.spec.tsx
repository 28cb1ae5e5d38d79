import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { headlineMeasures, overdueReport, rate } from '../testing/report.fixture';
import { ReportHeadline } from './report-headline';

const figure = (label: string) => {
  const group = screen.getByRole('group', { name: label });
  return {
    value: within(group).getByTestId('figure-value').textContent,
    previous: within(group).queryByTestId('figure-previous')?.textContent,
    text: group.textContent ?? '',
  };
};

describe('ReportHeadline', () => {
  it('shows each rate with its numerator and denominator, and the previous period beside it', () => {
    renderWithProviders(<ReportHeadline report={overdueReport()} onOpen={vi.fn()} />);
    // 9 on time of 12 that fell due: 9 / 12 = 75.0 %; before: 41 / 50 = 82.0 %.
    expect(figure('On-time rate')).toMatchObject({
      value: '9 of 12 (75.0 %)',
      previous: 'previous: 82.0 % (41 of 50)',
    });
    // Missed: 2 marked + 1 passed + 1 arrived = 4 of 50 due = 8.0 %; before: 2 of 40 = 5.0 %.
    expect(figure('Missed refill appointments')).toMatchObject({
      value: '4 of 50 (8.0 %)',
      previous: 'previous: 5.0 % (2 of 40)',
    });
    const missed = figure('Missed refill appointments').text;
    expect(missed).toContain('marked no-show: 2 appointments');
    expect(missed).toContain('passed without a refill: 1 appointment');
    expect(missed).toContain('arrived without a refill: 1 appointment');
    expect(missed).toContain('cancelled, not counted: 5 appointments');
  });

  it('writes every count with its unit and the previous count', () => {
    renderWithProviders(<ReportHeadline report={overdueReport()} onOpen={vi.fn()} />);
    expect(figure('Fell due')).toMatchObject({ value: '12 refills', previous: 'previous: 50 refills' });
    expect(figure('Fell due').text).toContain('2 more are due today or later');
    expect(figure('Late')).toMatchObject({ value: '1 refill', previous: 'previous: 6 refills' });
    expect(figure('After the alarm')).toMatchObject({ value: '1 refill', previous: 'previous: 3 refills' });
    expect(figure('Not done')).toMatchObject({ value: '1 refill', previous: 'previous: 0 refills' });
    expect(figure('Overdue now').value).toBe('1 pump');
    expect(figure('Overdue now').text).toContain('past the alarm now: 0 pumps');
    expect(figure('Median refill → alarm')).toMatchObject({
      value: '6.5 days',
      previous: 'previous: 8 days before the alarm',
    });
    expect(figure('Median refill → alarm').text).toContain('before the alarm, the median over the refills done');
  });

  it('shows a dash, not 0 %, over nothing due, and a count of zero as text rather than a button', () => {
    const empty = {
      ...headlineMeasures(),
      fellDue: 0,
      onTime: 0,
      late: 0,
      afterAlarm: 0,
      notDone: 0,
      onTimeRate: rate(0, 0),
      medianDaysRefillToAlarm: null,
    };
    renderWithProviders(<ReportHeadline report={overdueReport({ headline: empty })} onOpen={vi.fn()} />);
    expect(figure('On-time rate').value).toBe('0 of 0 (—)');
    expect(figure('Median refill → alarm').value).toBe('—');
    const fellDue = screen.getByRole('group', { name: 'Fell due' });
    expect(within(fellDue).queryByRole('button')).toBeNull();
  });

  it('opens the patients behind a headline count for the whole period', () => {
    const onOpen = vi.fn();
    renderWithProviders(<ReportHeadline report={overdueReport()} onOpen={onOpen} />);
    within(screen.getByRole('group', { name: 'Missed refill appointments' }))
      .getByRole('button', { name: /^Appointments that passed without a refill/ })
      .click();
    expect(onOpen).toHaveBeenCalledWith({
      measure: 'passed_without_fill',
      month: undefined,
      specialistId: undefined,
      scope: '1 Jan 2026 – 31 Mar 2026',
    });
  });
});
