import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { json, mockApi, on } from '../testing/mock-api';
import { WORKED_CLINIC, WORKED_PUMP } from '../testing/worked-pump.fixture';
import { RefillIntervalCalculator } from './refill-interval-calculator';

describe('RefillIntervalCalculator', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finds the lowest stock concentration that lasts the target, within the reservoir', async () => {
    mockApi(on('GET', '/api/clinic', () => json(200, { ...WORKED_CLINIC, id: 'c1', name: 'Northside' })));
    renderWithProviders(<RefillIntervalCalculator pump={WORKED_PUMP} />);
    fireEvent.click(screen.getByRole('button', { name: 'Refill-interval calculator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Refill-interval calculator' });
    // 100 mcg/day + 10 allowance = 110 mcg/day. At 500 mcg/mL: 0.22 mL/day, 90 days need 19.8 + 2 = 21.8 mL
    // > 20: the 20 mL last 18 / 0.22 = 81 days. At 1000: 0.11 mL/day, 9.9 + 2 = 11.9 mL.
    expect((await within(dialog).findByTestId('interval-advice')).textContent).toBe(
      '1,000 mcg/mL is the lowest concentration that lasts 90 days: fill 11.9 mL.',
    );
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '500 mcg/mL0.22 mL/day20 mL81 daysReservoir too small',
      '1,000 mcg/mL0.11 mL/day11.9 mL90 days',
      '2,000 mcg/mL0.055 mL/day7 mL90 days',
    ]);
    fireEvent.change(within(dialog).getByLabelText(/^Target interval/), { target: { value: '400' } });
    expect(within(dialog).getByText('Enter whole days from 1 to 365')).toBeTruthy();
  });
});
