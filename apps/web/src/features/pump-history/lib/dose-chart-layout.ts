import type { DoseStepResponse, ReservoirHistoryResponse } from '@itb/contracts';
import { type ChartFrame, isInDomain } from './chart-frame';
import { linearScale, linePath, niceTicks } from './chart-scale';
import type { ValueTick } from './reservoir-chart-layout';

/** A fill where the concentration was set: the first one, and each that brought a new one. */
export interface ConcentrationMark {
  x: number;
  step: DoseStepResponse;
}

export interface DoseLayout {
  yTicks: ValueTick[];
  /** The programmed dose, stepping at each fill and dose change, up to now. */
  path: string;
  /** The dose in force carried on to the chart's end: what the projection assumes. */
  ongoingPath: string | null;
  concentrationMarks: ConcentrationMark[];
}

export function doseLayout(history: ReservoirHistoryResponse, frame: ChartFrame): DoseLayout {
  const steps = history.doseSteps;
  const ticks = niceTicks(Math.max(1, ...steps.map((s) => s.dailyDoseMcg)) * 1.1, 3);
  const y = linearScale([0, ticks.at(-1) ?? 1], [frame.bottom, frame.top]);
  const nowX = frame.x(Date.parse(history.asOf));
  const points: [number, number][] = [];
  steps.forEach((step, i) => {
    const x = frame.x(Date.parse(step.from));
    const next = steps[i + 1];
    points.push([x, y(step.dailyDoseMcg)], [next ? frame.x(Date.parse(next.from)) : nowX, y(step.dailyDoseMcg)]);
  });
  const last = steps.at(-1);
  return {
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    path: linePath(points),
    ongoingPath:
      last && history.projected && frame.right > nowX
        ? linePath([
            [nowX, y(last.dailyDoseMcg)],
            [frame.right, y(last.dailyDoseMcg)],
          ])
        : null,
    concentrationMarks: steps
      .filter((s, i) => s.kind === 'fill' && (i === 0 || s.isConcentrationChange))
      .filter((s) => isInDomain(Date.parse(s.from), frame.domain))
      .map((step) => ({ x: frame.x(Date.parse(step.from)), step })),
  };
}
