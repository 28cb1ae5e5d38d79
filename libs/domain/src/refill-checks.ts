/**
 * The checks a refill goes through besides the residual: a concentration change with drug left in the
 * reservoir, a pump that ran dry, and the entry checks on the new projection. DESIGN.md "The reservoir
 * engine" ("Concentration change at a refill", "Entry checks") and "Withdrawal-risk rules"
 * (WITHDRAWAL_WATCH).
 */
import { daysBetween, formatDateText, toLocalDate } from './local-date.js';
import { MS_PER_DAY, type Projection, roundTo } from './reservoir.js';

/** What a refill left of the old drug in the reservoir: volume after − volume added (never below 0). */
export function leftInReservoirMl(volumeAfterMl: number, volumeAddedMl: number): number {
  return roundTo(Math.max(0, volumeAfterMl - volumeAddedMl), 2);
}

/**
 * The residual the pump really held at the refill: what was withdrawn plus what was left in it.
 * Reconciliation uses this, not the withdrawn volume alone (DESIGN.md "Concentration change at a refill").
 */
export function residualFoundMl(withdrawnMl: number, volumeAfterMl: number, volumeAddedMl: number): number {
  return roundTo(withdrawnMl + leftInReservoirMl(volumeAfterMl, volumeAddedMl), 2);
}

export interface ConcentrationMix {
  leftMl: number;
  previousConcentrationMcgPerMl: number;
  addedMl: number;
  newConcentrationMcgPerMl: number;
  /** (left × old + added × new) / after, mcg/mL, to 0.1. */
  mixedConcentrationMcgPerMl: number;
  /** The dose the patient really gets until the next refill: programmed × mixed / new, mcg/day, to 0.1. */
  realDailyDoseMcg: number;
}

/**
 * The reservoir after a refill that changes concentration with drug left in it holds a mix; the pump
 * delivers its programmed volume at the new concentration, so the real dose is programmed × mixed / new.
 * Null when the concentration does not change or nothing was left.
 */
export function concentrationMix(input: {
  previousConcentrationMcgPerMl: number;
  newConcentrationMcgPerMl: number;
  volumeAddedMl: number;
  volumeAfterMl: number;
  programmedDailyDoseMcg: number;
}): ConcentrationMix | null {
  const leftMl = leftInReservoirMl(input.volumeAfterMl, input.volumeAddedMl);
  if (leftMl === 0 || input.previousConcentrationMcgPerMl === input.newConcentrationMcgPerMl) return null;
  const afterMl = leftMl + input.volumeAddedMl;
  const mixed =
    (leftMl * input.previousConcentrationMcgPerMl + input.volumeAddedMl * input.newConcentrationMcgPerMl) / afterMl;
  return {
    leftMl,
    previousConcentrationMcgPerMl: input.previousConcentrationMcgPerMl,
    addedMl: input.volumeAddedMl,
    newConcentrationMcgPerMl: input.newConcentrationMcgPerMl,
    mixedConcentrationMcgPerMl: roundTo(mixed, 1),
    realDailyDoseMcg: roundTo((input.programmedDailyDoseMcg * mixed) / input.newConcentrationMcgPerMl, 1),
  };
}

export interface WithoutDrug {
  /** When the reservoir ran dry: the projected empty instant, or a recorded empty-reservoir alarm if earlier. */
  emptySince: Date;
  /** Whole hours from then to the refill. */
  hoursWithoutDrug: number;
}

/**
 * A refill after the projected empty instant, or after a recorded empty-reservoir alarm, refills a pump
 * that has run dry: the patient has been without drug since (DESIGN.md WITHDRAWAL_WATCH).
 */
export function withoutDrugAtRefill(input: {
  projectedEmptyAt: Date;
  emptyAlarmAt: Date | null;
  refillAt: Date;
}): WithoutDrug | null {
  const candidates = [input.projectedEmptyAt, input.emptyAlarmAt].filter(
    (d): d is Date => d !== null && d.getTime() <= input.refillAt.getTime(),
  );
  if (candidates.length === 0) return null;
  const emptySince = new Date(Math.min(...candidates.map((d) => d.getTime())));
  return { emptySince, hoursWithoutDrug: Math.floor((input.refillAt.getTime() - emptySince.getTime()) / 3_600_000) };
}

/** "3 h", "1 day 2 h", "4 days": how long a patient has been without drug, in words. */
export function describeHours(hours: number): string {
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} day${days === 1 ? '' : 's'}${rest ? ` ${rest} h` : ''}`;
}

/**
 * An alarm under 14 days away is a refill interval no clinic plans (DESIGN.md "Entry checks"; CLINICAL.md
 * "Refills": typical intervals are monthly to 6-monthly): allowed only with an explicit confirmation.
 */
export const SHORT_INTERVAL_ALARM_DAYS = 14;

export interface EntryCheck {
  /** The fill leaves the reservoir at or below its low-reservoir alarm volume: refused. */
  isAtOrBelowAlarm: boolean;
  /** Why the interval is short (needs `confirmShortInterval`), or null. */
  shortInterval: string | null;
}

export function entryCheck(input: {
  fillAt: Date;
  volumeAfterMl: number;
  alarmMl: number;
  projection: Pick<Projection, 'alarmAt' | 'refillBy'>;
  timeZone: string;
}): EntryCheck {
  const fillDate = toLocalDate(input.fillAt, input.timeZone);
  const alarmInMs = input.projection.alarmAt.getTime() - input.fillAt.getTime();
  let shortInterval: string | null = null;
  if (input.projection.refillBy <= fillDate) {
    const days = daysBetween(input.projection.refillBy, fillDate);
    shortInterval = `The refill-by date ${formatDateText(input.projection.refillBy)} is ${days === 0 ? 'the fill date itself' : `${days} day${days === 1 ? '' : 's'} before the fill`}`;
  } else if (alarmInMs < SHORT_INTERVAL_ALARM_DAYS * MS_PER_DAY) {
    shortInterval = `The low-reservoir alarm is only ${roundTo(alarmInMs / MS_PER_DAY, 1)} days after the fill (under ${SHORT_INTERVAL_ALARM_DAYS})`;
  }
  return { isAtOrBelowAlarm: input.volumeAfterMl <= input.alarmMl, shortInterval };
}
