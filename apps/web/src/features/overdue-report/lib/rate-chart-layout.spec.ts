import { describe, expect, it } from 'vitest';
import { RATE_CHART, ratePath, ratePoints, rateY } from './rate-chart-layout';

const month = (m: string, pct: number | null) => ({ month: m, onTimeRate: { pct } });

describe('on-time rate chart layout', () => {
  it('puts 0 % on the axis and 100 % at the top', () => {
    expect(rateY(0)).toBe(RATE_CHART.bottom);
    expect(rateY(100)).toBe(RATE_CHART.top);
    // Half way: 186 − 0.5 × (186 − 14) = 100.
    expect(rateY(50)).toBe(100);
  });

  it('lifts the pen over a month with nothing due instead of dropping to 0 %', () => {
    const points = ratePoints([
      month('2026-01', 80),
      month('2026-02', null),
      month('2026-03', 100),
      month('2026-04', 50),
    ]);
    expect(points[1]!.y).toBeNull();
    const path = ratePath(points);
    // Two runs: January alone, then March to April.
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
    expect(path).not.toContain(`,${RATE_CHART.bottom.toFixed(1)}`);
  });

  it('spaces months evenly, each in the middle of its slot', () => {
    // 576 units for 4 months: slots of 144, centres at 48 + 72, 48 + 216, …
    const xs = ratePoints([month('a', 1), month('b', 1), month('c', 1), month('d', 1)]).map((p) => p.x);
    expect(xs).toEqual([120, 264, 408, 552]);
  });
});
