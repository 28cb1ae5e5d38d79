import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { ReportPeriodPicker } from './report-period-picker';

const SHOWN = { from: '2025-04-01', to: '2026-03-31' };

function renderPicker(period = { from: '', to: '' }) {
  const onChange = vi.fn();
  renderWithProviders(<ReportPeriodPicker period={period} shown={SHOWN} today="2026-03-25" onChange={onChange} />);
  return onChange;
}

const choose = (label: string) =>
  fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), {
    target: {
      value: {
        'This month': 'this-month',
        'Last month': 'last-month',
        'This quarter': 'this-quarter',
        'Last 12 months': 'last-12-months',
        Custom: 'custom',
      }[label],
    },
  });

describe('ReportPeriodPicker', () => {
  it('turns each preset into clinic dates for the clinic’s today', () => {
    const onChange = renderPicker();
    choose('This month');
    choose('Last month');
    choose('This quarter');
    choose('Last 12 months');
    expect(onChange.mock.calls.map(([period]) => period)).toEqual([
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '', to: '' },
    ]);
  });

  it('shows which preset the address holds', () => {
    renderPicker({ from: '2026-02-01', to: '2026-02-28' });
    expect((screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement).value).toBe('last-month');
  });

  it('refuses a custom range that ends before it starts, and sends one that does not', () => {
    const onChange = renderPicker();
    choose('Custom');
    // Starts from the period on screen.
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-04-01');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show period' }));
    expect(screen.getByText('Must not be before From')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show period' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ from: '2026-03-10', to: '2026-03-20' });
  });
});
