/** Where the on-time rate chart draws, in its own viewBox units. */
export const RATE_CHART = { width: 640, height: 230, left: 48, right: 624, top: 14, bottom: 186 } as const;

export const RATE_TICKS_PCT = [0, 25, 50, 75, 100] as const;

export interface RatePoint {
  month: string;
  x: number;
  /** Null when nothing fell due that month: no point, a gap in the line. */
  y: number | null;
}

export const rateY = (pct: number): number => RATE_CHART.bottom - (pct / 100) * (RATE_CHART.bottom - RATE_CHART.top);

/** Months evenly along the width, each centred in its own slot. */
export function ratePoints(months: { month: string; onTimeRate: { pct: number | null } }[]): RatePoint[] {
  const slot = (RATE_CHART.right - RATE_CHART.left) / Math.max(1, months.length);
  return months.map((m, i) => ({
    month: m.month,
    x: RATE_CHART.left + slot * (i + 0.5),
    y: m.onTimeRate.pct === null ? null : rateY(m.onTimeRate.pct),
  }));
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
