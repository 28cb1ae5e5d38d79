/**
 * Flexible dosing: a 24-hour schedule of rate steps. Each step runs from its start time until the
 * next step starts; the last one runs to 24:00, and the schedule repeats every day.
 */
import { MAXIMUM_DAILY_DOSE_MCG } from './dose-limits.js';
import { roundTo } from './reservoir.js';

export interface FlexStep {
  /** Local wall-clock time `HH:MM`, 00:00–23:59. */
  startTime: string;
  rateMcgPerHour: number;
}

export interface FlexScheduleProblem {
  field: string;
  message: string;
}

export const MAX_FLEX_STEPS = 24;
const MINUTES_PER_DAY = 1440;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight, or null when the text is not a valid `HH:MM`. */
export function minutesOfDay(time: string): number | null {
  const match = TIME_PATTERN.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Sum of rate × minutes, in mcg·min/h, so the division by 60 happens once. */
function rateMinutes(steps: readonly FlexStep[], starts: readonly number[]): number {
  return steps.reduce(
    (sum, step, i) => sum + step.rateMcgPerHour * ((starts[i + 1] ?? MINUTES_PER_DAY) - starts[i]!),
    0,
  );
}

function structuralProblems(steps: readonly FlexStep[], prefix: string): FlexScheduleProblem[] {
  const problems: FlexScheduleProblem[] = [];
  if (steps.length === 0) problems.push({ field: prefix, message: 'must have at least 1 step' });
  if (steps.length > MAX_FLEX_STEPS) {
    problems.push({ field: prefix, message: `must have at most ${MAX_FLEX_STEPS} steps` });
  }
  let previousStart: number | null = null;
  steps.forEach((step, i) => {
    const field = `${prefix}.${i}`;
    const start = minutesOfDay(step.startTime);
    if (start === null) {
      problems.push({ field: `${field}.startTime`, message: 'must be a time HH:MM from 00:00 to 23:59' });
    } else if (i === 0 && start !== 0) {
      problems.push({ field: `${field}.startTime`, message: 'the first step must start at 00:00' });
    } else if (previousStart !== null && start <= previousStart) {
      problems.push({ field: `${field}.startTime`, message: 'must be later than the previous step' });
    }
    if (start !== null) previousStart = start;
    if (!Number.isFinite(step.rateMcgPerHour) || step.rateMcgPerHour < 0) {
      problems.push({ field: `${field}.rateMcgPerHour`, message: 'must be a number of mcg/h, 0 or more' });
    }
  });
  return problems;
}

/** Every problem with a schedule, each on the field it concerns (`steps.2.startTime`); empty when valid. */
export function validateFlexSchedule(steps: readonly FlexStep[], fieldPrefix = 'steps'): FlexScheduleProblem[] {
  const problems = structuralProblems(steps, fieldPrefix);
  if (problems.length > 0) return problems;
  const totalMcg = flexDailyTotalMcg(steps);
  if (totalMcg <= 0) problems.push({ field: fieldPrefix, message: 'must deliver more than 0 mcg/day' });
  // CLINICAL.md "Dosing": above 3,000 mcg/day is rejected as an entry error, as for a simple dose.
  if (totalMcg > MAXIMUM_DAILY_DOSE_MCG) {
    problems.push({
      field: fieldPrefix,
      message: `delivers ${totalMcg.toFixed(1)} mcg/day, above the ${MAXIMUM_DAILY_DOSE_MCG} mcg/day maximum`,
    });
  }
  return problems;
}

/** mcg delivered over one day, rounded to 0.1 mcg. Throws on a schedule that is not well formed. */
export function flexDailyTotalMcg(steps: readonly FlexStep[]): number {
  const problems = structuralProblems(steps, 'steps');
  if (problems.length > 0) {
    throw new RangeError(`Invalid flex schedule: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }
  const starts = steps.map((step) => minutesOfDay(step.startTime)!);
  return roundTo(rateMinutes(steps, starts) / 60, 1);
}
