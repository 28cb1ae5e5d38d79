import { describe, expect, it } from 'vitest';
import { linearScale, linePath, niceStep, niceTicks } from './chart-scale';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for a y axis', () => {
    const y = linearScale([0, 20], [200, 0]);
    expect([y(0), y(5), y(20)]).toEqual([200, 150, 0]);
  });

  it('maps a zero-width domain to the range start instead of dividing by 0', () => {
    expect(linearScale([5, 5], [10, 90])(5)).toBe(10);
  });
});

describe('niceTicks', () => {
  it.each([
    [20, 4, [0, 5, 10, 15, 20]],
    [40, 4, [0, 10, 20, 30, 40]],
    [22, 4, [0, 10, 20, 30]],
    [528, 3, [0, 200, 400, 600]],
    [110, 3, [0, 50, 100, 150]],
    [1.1, 3, [0, 0.5, 1, 1.5]],
  ])('splits 0…%d into about %d round steps', (max, count, ticks) => {
    expect(niceTicks(max, count)).toEqual(ticks);
  });

  it('picks 2.5 × 10ⁿ where 2 would give too many steps', () => {
    expect(niceStep(10, 4)).toBe(2.5);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest, one decimal each', () => {
    expect(
      linePath([
        [1, 2],
        [3.25, 4.04],
      ]),
    ).toBe('M1.0,2.0 L3.3,4.0');
  });
});
