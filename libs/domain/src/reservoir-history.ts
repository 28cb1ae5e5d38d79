/**
 * A pump's whole reservoir story as chart series: how each fill drained, what each refill found,
 * where the current fill is heading, and the daily dose over time. DESIGN.md "Patient history".
 * Built only from the reservoir engine's functions, so the chart and the stored numbers agree.
 */
import { isResidualDiscrepant } from './risk-rules.js';
import {
  compareResidual,
  dailyVolumeMl,
  type DrainInput,
  instantAtVolume,
  projectedDoseAt,
  roundTo,
  volumeAt,
} from './reservoir.js';

export interface HistoryFill {
  id: string;
  /** The fill with the dose changes and one-off boluses of its own interval (up to the next fill). */
  drain: DrainInput;
  /** What was withdrawn at this fill from the previous one, mL; null for the first fill. */
  residualWithdrawnMl: number | null;
  /** Withdrawn + left in the reservoir (what the pump held); defaults to the withdrawn volume. */
  residualFoundMl?: number | null;
  /** Patient-activated boluses the controller reported at this refill, mL. */
  patientBolusesDeliveredMl?: number | null;
}

export interface ReservoirHistoryInput {
  /** The pump's fills, oldest first. */
  fills: readonly HistoryFill[];
  alarmMl: number;
  now: Date;
  /** Set for an explanted pump: its last fill's line stops here and nothing is projected. */
  endedAt?: Date | null;
}

export interface VolumePoint {
  at: Date;
  volumeMl: number;
}

/** How one fill drained: from the fill to the next fill (its expected residual), or to now. */
export interface VolumeInterval {
  fillId: string;
  points: VolumePoint[];
}

export interface FillPoint {
  fillId: string;
  at: Date;
  isInitial: boolean;
  /** Withdrawn at this refill (the actual residual); null for the first fill. */
  residualWithdrawnMl: number | null;
  /** What the previous fill should have left at this instant; null for the first fill. */
  expectedResidualMl: number | null;
  discrepancyMl: number | null;
  deliveryErrorPct: number | null;
  /** Past the residual-discrepancy thresholds (libs/domain risk-rules, CLINICAL.md "Refills"). */
  isDiscrepant: boolean;
  volumeAfterMl: number;
}

/** The current fill's course from now to empty, if nothing changes. */
export interface ProjectedLine {
  points: VolumePoint[];
  alarmAt: Date;
  emptyAt: Date;
}

export interface DoseStep {
  /** The step holds from this instant until the next step's. */
  from: Date;
  kind: 'fill' | 'dose_change';
  /** Programmed daily dose, mcg/day. */
  dailyDoseMcg: number;
  bolusAllowanceMcgPerDay: number | null;
  concentrationMcgPerMl: number;
  /** The fill brought a concentration other than the previous fill's. */
  isConcentrationChange: boolean;
  /** mL/day drained by the projected dose (programmed + full bolus allowance). */
  dailyVolumeMl: number;
}

export interface ReservoirHistory {
  volumeLine: VolumeInterval[];
  fillPoints: FillPoint[];
  projected: ProjectedLine | null;
  doseSteps: DoseStep[];
}

const VOLUME_DECIMALS = 2;

const point = (at: Date, volumeMl: number): VolumePoint => ({ at, volumeMl: roundTo(volumeMl, VOLUME_DECIMALS) });

/** Volume just before any bolus given exactly at `at` (volumeAt counts a bolus from its instant on). */
const volumeBeforeBolusAt = (drain: DrainInput, at: Date): number =>
  volumeAt({ ...drain, boluses: (drain.boluses ?? []).filter((b) => b.at.getTime() !== at.getTime()) }, at);

/**
 * The points where the drain line bends or jumps within (fromMs, toMs]: each dose change, each
 * bolus (before and after), and the empty instant when the reservoir ran dry inside the span.
 */
function breakpoints(drain: DrainInput, fromMs: number, toMs: number): VolumePoint[] {
  const inSpan = (ms: number) => ms > fromMs && ms < toMs;
  const points: VolumePoint[] = [];
  for (const change of drain.doseChanges ?? []) {
    if (inSpan(change.effectiveAt.getTime()))
      points.push(point(change.effectiveAt, volumeAt(drain, change.effectiveAt)));
  }
  // A bolus at the span's end (given just as the refill began) drops the line there: its "after"
  // is the span's end point.
  const bolusInstants = new Set(
    (drain.boluses ?? []).map((b) => b.at.getTime()).filter((ms) => ms > fromMs && ms <= toMs),
  );
  for (const ms of bolusInstants) {
    const at = new Date(ms);
    points.push(point(at, volumeBeforeBolusAt(drain, at)));
    if (ms < toMs) points.push(point(at, volumeAt(drain, at)));
  }
  const emptyAt = instantAtVolume(drain, 0);
  if (inSpan(emptyAt.getTime())) points.push(point(emptyAt, 0));
  // At one instant the volume can only drop: a bolus's "before" comes ahead of its "after".
  return points.sort((a, b) => a.at.getTime() - b.at.getTime() || b.volumeMl - a.volumeMl);
}

function drainLine(drain: DrainInput, from: Date, to: Date): VolumePoint[] {
  const start = point(from, volumeAt(drain, from));
  if (to.getTime() <= from.getTime()) return [start];
  return [start, ...breakpoints(drain, from.getTime(), to.getTime()), point(to, volumeAt(drain, to))];
}

function fillPointOf(fill: HistoryFill, previous: HistoryFill | undefined): FillPoint {
  const base = {
    fillId: fill.id,
    at: fill.drain.fill.performedAt,
    volumeAfterMl: fill.drain.fill.reservoirVolumeAfterMl,
  };
  if (!previous || fill.residualWithdrawnMl === null) {
    return {
      ...base,
      isInitial: !previous,
      residualWithdrawnMl: fill.residualWithdrawnMl,
      expectedResidualMl: null,
      discrepancyMl: null,
      deliveryErrorPct: null,
      isDiscrepant: false,
    };
  }
  const comparison = compareResidual(
    previous.drain,
    fill.drain.fill.performedAt,
    fill.residualFoundMl ?? fill.residualWithdrawnMl,
    fill.patientBolusesDeliveredMl ?? 0,
  );
  return {
    ...base,
    isInitial: false,
    residualWithdrawnMl: fill.residualWithdrawnMl,
    ...comparison,
    isDiscrepant: isResidualDiscrepant(comparison),
  };
}

function doseStepsOf(fill: HistoryFill, previous: HistoryFill | undefined): DoseStep[] {
  const { fill: state, doseChanges = [] } = fill.drain;
  const stepAt = (from: Date, kind: DoseStep['kind'], dailyDoseMcg: number): DoseStep => ({
    from,
    kind,
    dailyDoseMcg,
    bolusAllowanceMcgPerDay: state.patientBolusMcgPerDay ?? null,
    concentrationMcgPerMl: state.concentrationMcgPerMl,
    isConcentrationChange:
      kind === 'fill' &&
      previous !== undefined &&
      previous.drain.fill.concentrationMcgPerMl !== state.concentrationMcgPerMl,
    dailyVolumeMl: roundTo(dailyVolumeMl(projectedDoseAt(fill.drain, from), state.concentrationMcgPerMl), 4),
  });
  const changes = doseChanges
    .filter((c) => c.effectiveAt.getTime() > state.performedAt.getTime())
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  return [
    stepAt(state.performedAt, 'fill', state.dailyDoseMcg),
    ...changes.map((c) => stepAt(c.effectiveAt, 'dose_change', c.newDailyDoseMcg)),
  ];
}

function projectedLineOf(drain: DrainInput, alarmMl: number, now: Date): ProjectedLine {
  const alarmAt = instantAtVolume(drain, alarmMl);
  const emptyAt = instantAtVolume(drain, 0);
  const from = now.getTime() > drain.fill.performedAt.getTime() ? now : drain.fill.performedAt;
  const points = emptyAt.getTime() > from.getTime() ? drainLine(drain, from, emptyAt) : [];
  return { points, alarmAt, emptyAt };
}

/**
 * The chart series of a pump's fills. Each interval ends at the next fill's instant, at the volume
 * the engine expected there (the expected residual); the last one ends now (or when the pump was
 * explanted), and an active pump's current fill is projected on from now to empty.
 */
export function reservoirHistory({ fills, alarmMl, now, endedAt = null }: ReservoirHistoryInput): ReservoirHistory {
  const volumeLine: VolumeInterval[] = [];
  const fillPoints: FillPoint[] = [];
  const doseSteps: DoseStep[] = [];
  const lineEnd = endedAt && endedAt.getTime() < now.getTime() ? endedAt : now;
  fills.forEach((fill, i) => {
    const previous = fills[i - 1];
    const next = fills[i + 1];
    const to = next ? next.drain.fill.performedAt : lineEnd;
    volumeLine.push({ fillId: fill.id, points: drainLine(fill.drain, fill.drain.fill.performedAt, to) });
    fillPoints.push(fillPointOf(fill, previous));
    doseSteps.push(...doseStepsOf(fill, previous));
  });
  const current = fills.at(-1);
  const projected = current && !endedAt ? projectedLineOf(current.drain, alarmMl, now) : null;
  return { volumeLine, fillPoints, projected, doseSteps };
}
