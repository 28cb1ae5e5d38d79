/** The on-time rate chart's frame for a drawing width in CSS pixels; text stays at its own size at any width. */
export interface RateChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const RATE_TICKS_PCT = [0, 25, 50, 75, 100] as const;

/** Before the page is measured (and in tests), the chart is drawn this wide. */
export const DEFAULT_CHART_WIDTH = 640;

export function rateChartFrame(width: number = DEFAULT_CHART_WIDTH): RateChartFrame {
  return { width, height: 230, left: 44, right: width - 12, top: 14, bottom: 186 };
}

export interface RatePoint {
  month: string;
  x: number;
  /** Null when nothing fell due that month: no point, a gap in the line. */
  y: number | null;
}

export const rateY = (frame: RateChartFrame, pct: number): number =>
  frame.bottom - (pct / 100) * (frame.bottom - frame.top);

/** Months evenly along the width, each centred in its own slot. */
export function ratePoints(
  frame: RateChartFrame,
  months: { month: string; onTimeRate: { pct: number | null } }[],
): RatePoint[] {
  const slot = (frame.right - frame.left) / Math.max(1, months.length);
  return months.map((m, i) => ({
    month: m.month,
    x: frame.left + slot * (i + 0.5),
    y: m.onTimeRate.pct === null ? null : rateY(frame, m.onTimeRate.pct),
  }));
}

/** Label every month when there is room (about 36 px each), else every second or third. */
export function labelStride(frame: RateChartFrame, monthCount: number): number {
  const slot = (frame.right - frame.left) / Math.max(1, monthCount);
  return slot >= 36 ? 1 : slot >= 18 ? 2 : 3;
}

/** An SVG path through the points, lifting the pen over every month without a rate. */
export function ratePath(points: RatePoint[]): string {
  let path = '';
  let penDown = false;
  for (const point of points) {
    if (point.y === null) {
      penDown = false;
      continue;
    }
    path += `${penDown ? 'L' : 'M'}${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    penDown = true;
  }
  return path;
}
