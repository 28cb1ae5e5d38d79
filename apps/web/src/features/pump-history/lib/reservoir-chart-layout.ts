import type { FillPointResponse, ReservoirHistoryResponse, VolumePointResponse } from '@itb/contracts';
import type { ChartFrame } from './chart-frame';
import { isInDomain } from './chart-frame';
import { linearScale, linePath, niceTicks } from './chart-scale';

export interface ValueTick {
  value: number;
  y: number;
}

/** Where one fill is drawn: the residual expected and found (refills only) and the volume after. */
export interface FillMarker {
  fill: FillPointResponse;
  x: number;
  afterY: number;
  residualY: number | null;
  expectedY: number | null;
}

export interface ReservoirLayout {
  yTicks: ValueTick[];
  /** One path per fill interval, as it drained. */
  intervalPaths: string[];
  /** From now to empty, if the pump is active and not yet empty. */
  projectedPath: string | null;
  alarmY: number;
  nowX: number;
  fills: FillMarker[];
}

/** Volume axis from 0 to the reservoir's capacity, rounded up to a labelled line. */
function volumeTicks(history: ReservoirHistoryResponse): number[] {
  const volumes = history.volumeLine.flatMap((i) => i.points.map((p) => p.volumeMl));
  return niceTicks(Math.max(history.reservoirMl, ...volumes), 4);
}

export function reservoirLayout(history: ReservoirHistoryResponse, frame: ChartFrame): ReservoirLayout {
  const ticks = volumeTicks(history);
  const y = linearScale([0, ticks.at(-1) ?? history.reservoirMl], [frame.bottom, frame.top]);
  const toPath = (points: readonly VolumePointResponse[]) =>
    linePath(points.map((p) => [frame.x(Date.parse(p.at)), y(p.volumeMl)] as const));
  const projected = history.projected?.points ?? [];
  return {
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    intervalPaths: history.volumeLine.filter((i) => i.points.length > 1).map((i) => toPath(i.points)),
    projectedPath: projected.length > 1 ? toPath(projected) : null,
    alarmY: y(history.alarmMl),
    nowX: frame.x(Date.parse(history.asOf)),
    fills: history.fillPoints
      .filter((fill) => isInDomain(Date.parse(fill.at), frame.domain))
      .map((fill) => ({
        fill,
        x: frame.x(Date.parse(fill.at)),
        afterY: y(fill.volumeAfterMl),
        residualY: fill.residualWithdrawnMl === null ? null : y(fill.residualWithdrawnMl),
        expectedY: fill.expectedResidualMl === null ? null : y(fill.expectedResidualMl),
      })),
  };
}
