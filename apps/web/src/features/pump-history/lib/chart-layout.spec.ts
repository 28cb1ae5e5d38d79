import { describe, expect, it } from 'vitest';
import { dayAt, reservoirHistoryFixture } from '../testing/reservoir-history.fixture';
import { chartFrame, spansMoreThanAYear, timeDomain } from './chart-frame';
import { doseLayout } from './dose-chart-layout';
import { reservoirLayout } from './reservoir-chart-layout';

const DAY_MS = 86_400_000;
const history = reservoirHistoryFixture();
/*
 * A plot 500 px wide for 100 days (5 px a day, from x = 92) and 200 px tall (y = 22 … 222). The
 * volume axis runs 0 … 20 mL, so y = 222 − 10 px per mL.
 */
const frame = chartFrame(
  92 + 500 + 24,
  22 + 200 + 30,
  { fromMs: Date.parse(dayAt(0)), toMs: Date.parse(dayAt(100)) },
  'UTC',
);

describe('timeDomain', () => {
  it('runs from the first fill to the projected empty instant, padded by 2 %', () => {
    // 87.5 days of history and projection: 1.75 days either side.
    expect(timeDomain(history, 'all')).toEqual({
      fromMs: Date.parse(dayAt(-1.75)),
      toMs: Date.parse(dayAt(89.25)),
    });
  });

  it('keeps the last 12 months when asked, and ends at now when nothing is projected', () => {
    const long = reservoirHistoryFixture({ asOf: dayAt(500), projected: null });
    expect(spansMoreThanAYear(long)).toBe(true);
    expect(spansMoreThanAYear(history)).toBe(false);
    // From day 135 (500 − 365) to day 500, padded by 2 % of 365 days = 7.3 days.
    const domain = timeDomain(long, 'year');
    expect(domain.fromMs).toBeCloseTo(Date.parse(dayAt(135)) - 7.3 * DAY_MS, -1);
    expect(domain.toMs).toBeCloseTo(Date.parse(dayAt(500)) + 7.3 * DAY_MS, -1);
  });
});

describe('reservoirLayout', () => {
  const layout = reservoirLayout(history, frame);

  it('draws each interval through its breakpoints and the projection from now to empty', () => {
    // Day 0 20 mL, day 30 14 mL, day 40 11.6 → 10.6 mL (bolus), day 50 8.2 mL (the expected residual).
    expect(layout.intervalPaths).toEqual([
      'M92.0,22.0 L242.0,82.0 L292.0,106.0 L292.0,116.0 L342.0,140.0',
      'M342.0,42.0 L392.0,90.0',
    ]);
    // Now (day 60) 13.2 mL to empty on day 87.5.
    expect(layout.projectedPath).toBe('M392.0,90.0 L529.5,222.0');
    expect(layout).toMatchObject({ alarmY: 202, nowX: 392 });
    expect(layout.yTicks.map((t) => [t.value, t.y])).toEqual([
      [0, 222],
      [5, 172],
      [10, 122],
      [15, 72],
      [20, 22],
    ]);
  });

  it('places the refill at the residual found, the residual expected and the volume after', () => {
    expect(layout.fills.map(({ x, afterY, residualY, expectedY }) => ({ x, afterY, residualY, expectedY }))).toEqual([
      { x: 92, afterY: 22, residualY: null, expectedY: null },
      { x: 342, afterY: 42, residualY: 147, expectedY: 140 },
    ]);
  });

  it('leaves out fills before the range and has no projection for a pump that is not projected', () => {
    const late = chartFrame(616, 252, { fromMs: Date.parse(dayAt(45)), toMs: Date.parse(dayAt(100)) }, 'UTC');
    const result = reservoirLayout(reservoirHistoryFixture({ projected: null }), late);
    expect(result.fills.map((f) => f.fill.fillId)).toEqual([history.fillPoints[1]?.fillId]);
    expect(result.projectedPath).toBeNull();
  });
});

describe('doseLayout', () => {
  const layout = doseLayout(history, frame);

  it('steps the dose at each fill and change up to now, and carries the current dose on', () => {
    // Axis 0 … 600 mcg/day over 200 px: 400 → y 88.7, 480 → y 62.
    expect(layout.path).toBe('M92.0,88.7 L242.0,88.7 L242.0,62.0 L342.0,62.0 L342.0,62.0 L392.0,62.0');
    expect(layout.ongoingPath).toBe('M392.0,62.0 L592.0,62.0');
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 200, 400, 600]);
  });

  it('marks the first concentration and each change of it', () => {
    expect(layout.concentrationMarks.map((m) => [m.x, m.step.concentrationMcgPerMl])).toEqual([
      [92, 2000],
      [342, 1000],
    ]);
  });
});
