import type { ReservoirHistoryResponse } from '@itb/contracts';
import { linearScale } from './chart-scale';
import { type TimeTick, timeTicks } from './time-ticks';

export type HistoryRange = 'all' | 'year';

export interface TimeDomain {
  fromMs: number;
  toMs: number;
}

const YEAR_MS = 365 * 86_400_000;
/** Room either side, so the first fill and the empty instant are not drawn on the frame's edge. */
const PAD_SHARE = 0.02;

/** A year or more of history: worth offering the last 12 months alone. */
export const spansMoreThanAYear = (history: ReservoirHistoryResponse): boolean => {
  const first = history.fillPoints[0];
  return first !== undefined && Date.parse(history.asOf) - Date.parse(first.at) > YEAR_MS;
};

/** From the first fill (or a year ago) to the projected empty instant (or now, when nothing is projected). */
export function timeDomain(history: ReservoirHistoryResponse, range: HistoryRange): TimeDomain {
  const asOfMs = Date.parse(history.asOf);
  const first = history.fillPoints[0];
  const firstMs = first ? Date.parse(first.at) : asOfMs;
  const projectedEnd = history.projected?.points.at(-1);
  const endMs = Math.max(asOfMs, projectedEnd ? Date.parse(projectedEnd.at) : asOfMs);
  const startMs = range === 'year' ? Math.max(firstMs, asOfMs - YEAR_MS) : firstMs;
  const pad = Math.max((endMs - startMs) * PAD_SHARE, 3_600_000);
  return { fromMs: startMs - pad, toMs: endMs + pad };
}

export const CHART_MARGIN = { top: 22, right: 24, bottom: 30, left: 92 } as const;
const MIN_TICK_SPACING_PX = 72;

/** The plot area of a chart and its time axis; both charts share one, so their dates line up. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (ms: number) => number;
  ticks: TimeTick[];
  domain: TimeDomain;
}

export function chartFrame(width: number, height: number, domain: TimeDomain, timeZone: string): ChartFrame {
  const left = CHART_MARGIN.left;
  const right = Math.max(left + 1, width - CHART_MARGIN.right);
  const maxTicks = Math.max(1, Math.floor((right - left) / MIN_TICK_SPACING_PX));
  return {
    width,
    height,
    left,
    right,
    top: CHART_MARGIN.top,
    bottom: height - CHART_MARGIN.bottom,
    x: linearScale([domain.fromMs, domain.toMs], [left, right]),
    ticks: timeTicks(domain.fromMs, domain.toMs, timeZone, maxTicks),
    domain,
  };
}

export const isInDomain = (ms: number, { fromMs, toMs }: TimeDomain) => ms >= fromMs && ms <= toMs;
