import { daysBetween, type LocalDate, toLocalDate, toLocalDateTime } from './local-date.js';
import { PUMP_CATALOGUE, type PumpModel } from './pump-models.js';
import { MS_PER_DAY, roundTo } from './reservoir.js';

/**
 * The withdrawal-risk rules of DESIGN.md "Withdrawal-risk rules": pure functions of a pump's state,
 * its clinic's settings and now. The API persists what they return; nothing here knows about storage.
 */
export const RISK_RULE_CODES = [
  'RESERVOIR_EMPTY',
  'REFILL_OVERDUE',
  'REFILL_DUE_UNSCHEDULED',
  'APPOINTMENT_AFTER_ALARM',
  'DRUG_STABILITY_EXCEEDED',
  'RESIDUAL_DISCREPANCY',
  'MISSED_REFILL_APPOINTMENT',
  'POST_MRI_CHECK_PENDING',
  'PUMP_REPLACEMENT_DUE',
  'RAPID_DOSE_REDUCTION',
] as const;
export type RiskRuleCode = (typeof RISK_RULE_CODES)[number];

export const FLAG_SEVERITIES = ['critical', 'high', 'moderate'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
export const SEVERITY_RANK: Record<FlagSeverity, number> = { critical: 3, high: 2, moderate: 1 };

/** Rules whose flag stays open until a clinician resolves it, whatever happens next. */
export const MANUALLY_RESOLVED_RULES: readonly RiskRuleCode[] = ['RESIDUAL_DISCREPANCY'];

/**
 * Over-infusion: delivery more than 14.5 % off the programmed rate, with at least 1.0 mL unaccounted
 * for (CLINICAL.md "Pumps": SynchroMed II labelling; the 1.0 mL floor keeps small refills quiet).
 */
export const DELIVERY_ERROR_ALERT_PCT = 14.5;
export const DISCREPANCY_ALERT_ML = 1.0;

/** Replacement planning: about 6 months ahead; the pump stops within 90 days of ERI (CLINICAL.md "Pumps"). */
export const REPLACEMENT_NOTICE_DAYS = 180;
export const REPLACEMENT_URGENT_DAYS = 90;

/** A fall of more than 20 % within 48 h (DESIGN.md; CLINICAL.md "Withdrawal": abrupt reduction). */
export const RAPID_REDUCTION_PCT = 20;
export const RAPID_REDUCTION_WINDOW_MS = 48 * 3_600_000;

export interface PumpRiskState {
  model: PumpModel;
  implantedOn: LocalDate;
  eriDate: LocalDate | null;
  alarmAt: Date;
  emptyAt: Date;
  refillBy: LocalDate;
  lastFillAt: Date;
  /** The residual comparison of the last fill when it was a refill; null after the first fill. */
  lastRefill: { discrepancyMl: number; deliveryErrorPct: number | null } | null;
  currentDailyDoseMcg: number;
  /** The highest programmed dose in force at any time in the 48 h before now (null: no change then). */
  highestDoseLast48hMcg: number | null;
  /** The earliest booked (or arrived) refill appointment not yet fulfilled. */
  nextRefillAppointmentAt: Date | null;
  /** The latest refill appointment marked no-show. */
  lastNoShowRefillAt: Date | null;
  lastMriAt: Date | null;
  lastInterrogationAt: Date | null;
}

export interface RiskSettings {
  timeZone: string;
  dueSoonWindowDays: number;
  maxDrugDaysInPump: number;
}

export interface RiskFinding {
  code: RiskRuleCode;
  severity: FlagSeverity;
  /** One line a clinician reads, with the facts and dates in the clinic's zone. */
  summary: string;
  facts: Record<string, string | number>;
}

/** Every rule that holds now, most severe first. */
export function evaluateRiskRules(state: PumpRiskState, settings: RiskSettings, now: Date): RiskFinding[] {
  const findings = RULES.map((rule) => rule(state, settings, now)).filter((f): f is RiskFinding => f !== null);
  return findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

type Rule = (state: PumpRiskState, settings: RiskSettings, now: Date) => RiskFinding | null;

const ago = (from: Date, now: Date) => {
  const days = Math.floor((now.getTime() - from.getTime()) / MS_PER_DAY);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
};

const reservoirEmpty: Rule = (s, { timeZone }, now) =>
  now >= s.emptyAt
    ? {
        code: 'RESERVOIR_EMPTY',
        severity: 'critical',
        summary: `Reservoir projected empty at ${toLocalDateTime(s.emptyAt, timeZone)}, ${ago(s.emptyAt, now)}`,
        facts: { emptyAt: s.emptyAt.toISOString() },
      }
    : null;

const refillOverdue: Rule = (s, { timeZone }, now) =>
  now >= s.alarmAt
    ? {
        code: 'REFILL_OVERDUE',
        severity: 'critical',
        summary: `Low-reservoir alarm at ${toLocalDateTime(s.alarmAt, timeZone)}, ${ago(s.alarmAt, now)}`,
        facts: { alarmAt: s.alarmAt.toISOString() },
      }
    : null;

const refillDueUnscheduled: Rule = (s, { timeZone, dueSoonWindowDays }, now) => {
  const daysToRefillBy = daysBetween(toLocalDate(now, timeZone), s.refillBy);
  if (daysToRefillBy > dueSoonWindowDays) return null;
  const alarmDate = toLocalDate(s.alarmAt, timeZone);
  const booked = s.nextRefillAppointmentAt && toLocalDate(s.nextRefillAppointmentAt, timeZone) <= alarmDate;
  if (booked) return null;
  return {
    code: 'REFILL_DUE_UNSCHEDULED',
    severity: 'high',
    summary: `Refill due by ${s.refillBy} and no refill booked on or before the alarm date ${alarmDate}`,
    facts: { refillBy: s.refillBy, alarmDate, daysToRefillBy },
  };
};

const appointmentAfterAlarm: Rule = (s, { timeZone }) =>
  s.nextRefillAppointmentAt && s.nextRefillAppointmentAt > s.alarmAt
    ? {
        code: 'APPOINTMENT_AFTER_ALARM',
        severity: 'high',
        summary: `Refill booked for ${toLocalDateTime(s.nextRefillAppointmentAt, timeZone)}, after the alarm at ${toLocalDateTime(s.alarmAt, timeZone)}`,
        facts: { appointmentAt: s.nextRefillAppointmentAt.toISOString(), alarmAt: s.alarmAt.toISOString() },
      }
    : null;

const drugStabilityExceeded: Rule = (s, { timeZone, maxDrugDaysInPump }, now) => {
  const limitAt = new Date(s.lastFillAt.getTime() + maxDrugDaysInPump * MS_PER_DAY);
  return now >= limitAt
    ? {
        code: 'DRUG_STABILITY_EXCEEDED',
        severity: 'high',
        summary: `Drug in the pump since ${toLocalDateTime(s.lastFillAt, timeZone)}: past the ${maxDrugDaysInPump}-day stability limit`,
        facts: { lastFillAt: s.lastFillAt.toISOString(), limitAt: limitAt.toISOString(), maxDrugDaysInPump },
      }
    : null;
};

/** True when a refill's residual points at over- or under-delivery (DESIGN.md: both thresholds, absolute). */
export function isResidualDiscrepant(comparison: { discrepancyMl: number; deliveryErrorPct: number | null }): boolean {
  return (
    comparison.deliveryErrorPct !== null &&
    Math.abs(comparison.deliveryErrorPct) > DELIVERY_ERROR_ALERT_PCT &&
    Math.abs(comparison.discrepancyMl) >= DISCREPANCY_ALERT_ML
  );
}

const residualDiscrepancy: Rule = (s, { timeZone }) =>
  s.lastRefill && isResidualDiscrepant(s.lastRefill)
    ? {
        code: 'RESIDUAL_DISCREPANCY',
        severity: 'high',
        summary: `Refill at ${toLocalDateTime(s.lastFillAt, timeZone)}: residual ${s.lastRefill.discrepancyMl > 0 ? '+' : ''}${s.lastRefill.discrepancyMl} mL off expected, delivery error ${s.lastRefill.deliveryErrorPct} %`,
        facts: {
          fillAt: s.lastFillAt.toISOString(),
          discrepancyMl: s.lastRefill.discrepancyMl,
          deliveryErrorPct: s.lastRefill.deliveryErrorPct ?? 0,
        },
      }
    : null;

const missedRefillAppointment: Rule = (s, { timeZone }) =>
  s.lastNoShowRefillAt && s.lastNoShowRefillAt > s.lastFillAt
    ? {
        code: 'MISSED_REFILL_APPOINTMENT',
        severity: 'high',
        summary: `Did not attend the refill at ${toLocalDateTime(s.lastNoShowRefillAt, timeZone)}; no refill since`,
        facts: { appointmentAt: s.lastNoShowRefillAt.toISOString() },
      }
    : null;

const postMriCheckPending: Rule = (s, { timeZone }) =>
  s.lastMriAt && (!s.lastInterrogationAt || s.lastInterrogationAt <= s.lastMriAt)
    ? {
        code: 'POST_MRI_CHECK_PENDING',
        severity: 'high',
        summary: `MRI at ${toLocalDateTime(s.lastMriAt, timeZone)} and no pump interrogation since (the rotor can stall)`,
        facts: { mriAt: s.lastMriAt.toISOString() },
      }
    : null;

/** The ERI date when interrogation gave one, or the model's end-of-service estimate from the implant date. */
export function replacementDueOn(
  model: PumpModel,
  implantedOn: LocalDate,
  eriDate: LocalDate | null,
): LocalDate | null {
  if (eriDate) return eriDate;
  const years = PUMP_CATALOGUE[model].serviceLifeYears;
  if (years === undefined) return null;
  const year = Number(implantedOn.slice(0, 4)) + years;
  const monthDay = implantedOn.slice(5);
  const isLeap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  // 29 February has no anniversary in a common year: the next day, 1 March.
  return monthDay === '02-29' && !isLeap ? `${year}-03-01` : `${year}-${monthDay}`;
}

const pumpReplacementDue: Rule = (s, { timeZone }, now) => {
  const dueOn = replacementDueOn(s.model, s.implantedOn, s.eriDate);
  if (!dueOn) return null;
  const daysLeft = daysBetween(toLocalDate(now, timeZone), dueOn);
  if (daysLeft > REPLACEMENT_NOTICE_DAYS) return null;
  const severity: FlagSeverity = daysLeft <= 0 ? 'critical' : daysLeft <= REPLACEMENT_URGENT_DAYS ? 'high' : 'moderate';
  const source = s.eriDate ? 'ERI date' : 'estimated end of service';
  return {
    code: 'PUMP_REPLACEMENT_DUE',
    severity,
    summary:
      daysLeft <= 0
        ? `Pump ${source} ${dueOn} has passed: replace now`
        : `Pump ${source} ${dueOn}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}: plan the replacement`,
    facts: { dueOn, daysLeft, source: s.eriDate ? 'eri' : 'estimate' },
  };
};

const rapidDoseReduction: Rule = (s) => {
  const from = s.highestDoseLast48hMcg;
  if (from === null || from <= 0) return null;
  const fallPct = ((from - s.currentDailyDoseMcg) / from) * 100;
  if (fallPct <= RAPID_REDUCTION_PCT) return null;
  return {
    code: 'RAPID_DOSE_REDUCTION',
    severity: 'moderate',
    summary: `Daily dose fell from ${from} to ${s.currentDailyDoseMcg} mcg/day (−${roundTo(fallPct, 1)} %) within 48 h: watch for withdrawal`,
    facts: { fromMcg: from, toMcg: s.currentDailyDoseMcg, fallPct: roundTo(fallPct, 1) },
  };
};

const RULES: Rule[] = [
  reservoirEmpty,
  refillOverdue,
  refillDueUnscheduled,
  appointmentAfterAlarm,
  drugStabilityExceeded,
  residualDiscrepancy,
  missedRefillAppointment,
  postMriCheckPending,
  pumpReplacementDue,
  rapidDoseReduction,
];
