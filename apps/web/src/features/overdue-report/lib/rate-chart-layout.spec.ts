import { describe, expect, it } from 'vitest';
import { labelStride, rateChartFrame, ratePath, ratePoints, rateY } from './rate-chart-layout';

const month = (m: string, pct: number | null) => ({ month: m, onTimeRate: { pct } });
const frame = rateChartFrame(640);

describe('on-time rate chart layout', () => {
  it('puts 0 % on the axis and 100 % at the top', () => {
    expect(rateY(frame, 0)).toBe(186);
    expect(rateY(frame, 100)).toBe(14);
    // Half way: 186 − 0.5 × (186 − 14) = 100.
    expect(rateY(frame, 50)).toBe(100);
  });

  it('lifts the pen over a month with nothing due instead of dropping to 0 %', () => {
    const points = ratePoints(frame, [
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
    expect(path).not.toContain(',186.0');
  });

  it('spaces months evenly, each in the middle of its slot', () => {
    // 640 wide: plot from 44 to 628 = 584 for 4 months, slots of 146, centres at 44 + 73, 44 + 219, …
    const xs = ratePoints(frame, [month('a', 1), month('b', 1), month('c', 1), month('d', 1)]).map((p) => p.x);
    expect(xs).toEqual([117, 263, 409, 555]);
  });

  it('labels fewer months on a phone than on a desk', () => {
    // 12 months on 640 px: 584 / 12 ≈ 48.7 px a month, room for each label.
    expect(labelStride(rateChartFrame(640), 12)).toBe(1);
    // On a 340 px card: (340 − 56) / 12 ≈ 23.7 px, every second month.
    expect(labelStride(rateChartFrame(340), 12)).toBe(2);
    // 24 months there: ≈ 11.8 px, every third.
    expect(labelStride(rateChartFrame(340), 24)).toBe(3);
  });
});
