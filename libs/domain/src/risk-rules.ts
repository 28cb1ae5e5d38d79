import { addDays, daysBetween, formatDateText, type LocalDate, toLocalDate, toLocalDateTime } from './local-date.js';
import { PUMP_CATALOGUE, type PumpModel } from './pump-models.js';
import { MS_PER_DAY, roundTo } from './reservoir.js';
import { describeHours } from './refill-checks.js';

/**
 * The withdrawal-risk rules of DESIGN.md "Withdrawal-risk rules": pure functions of a pump's state,
 * its clinic's settings and now. The API persists what they return; nothing here knows about storage.
 */

/** The scheduling rules, in precedence order: a pump carries at most one of them, the first that holds. */
export const SCHEDULING_RULE_CODES = [
  'RESERVOIR_EMPTY',
  'REFILL_OVERDUE',
  'APPOINTMENT_AFTER_EMPTY',
  'MISSED_REFILL_APPOINTMENT',
  'APPOINTMENT_AFTER_ALARM',
  'REFILL_DUE_UNSCHEDULED',
] as const;

export const RISK_RULE_CODES = [
  ...SCHEDULING_RULE_CODES,
  'PUMP_ALARM_RECORDED',
  'PUMP_STOPPED',
  'DRUG_STABILITY_EXCEEDED',
  'RESIDUAL_DISCREPANCY',
  'POST_MRI_CHECK_PENDING',
  'PUMP_REPLACEMENT_DUE',
  'RAPID_DOSE_REDUCTION',
  'WITHDRAWAL_WATCH',
  'DOSE_ESCALATION',
] as const;
export type RiskRuleCode = (typeof RISK_RULE_CODES)[number];
export type SchedulingRuleCode = (typeof SCHEDULING_RULE_CODES)[number];

export const isSchedulingRule = (code: string): code is SchedulingRuleCode =>
  (SCHEDULING_RULE_CODES as readonly string[]).includes(code);

export const FLAG_SEVERITIES = ['critical', 'high', 'moderate'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
export const SEVERITY_RANK: Record<FlagSeverity, number> = { critical: 3, high: 2, moderate: 1 };

/**
 * Rules whose flag stays open until a clinician resolves it, whatever happens next; a clinician's
 * resolution holds for the fill it was about (the hourly pass never reopens it for that fill).
 */
export const MANUALLY_RESOLVED_RULES: readonly RiskRuleCode[] = ['RESIDUAL_DISCREPANCY', 'WITHDRAWAL_WATCH'];

/**
 * Over-infusion: delivery more than 14.5 % off the programmed rate, with at least 1.0 mL unaccounted
 * for (CLINICAL.md "Pumps": SynchroMed II labelling; the 1.0 mL floor keeps small refills quiet).
 */
export const DELIVERY_ERROR_ALERT_PCT = 14.5;
export const DISCREPANCY_ALERT_ML = 1.0;

/** Replacement planning: about 6 months ahead; the pump stops within 90 days of ERI (CLINICAL.md "Pumps"). */
export const REPLACEMENT_NOTICE_DAYS = 180;
export const REPLACEMENT_URGENT_DAYS = 90;

/**
 * A fall of more than 20 % below the highest dose of the previous 72 h (DESIGN.md RAPID_DOSE_REDUCTION;
 * CLINICAL.md "Withdrawal": "the severe syndrome develops over 24–72 h", "reductions 10–20 %").
 */
export const RAPID_REDUCTION_PCT = 20;
export const RAPID_REDUCTION_WINDOW_HOURS = 72;
/** CLINICAL.md "Withdrawal": the severe syndrome develops over 24–72 h — the watch after a dry pump's refill. */
export const WITHDRAWAL_WATCH_HOURS = 72;
/** A rise of more than 50 % in 30 days (DESIGN.md DOSE_ESCALATION; CLINICAL.md "Dosing": large increases may mean catheter malfunction). */
export const DOSE_ESCALATION_PCT = 50;
export const DOSE_ESCALATION_WINDOW_DAYS = 30;
/** A low-reservoir alarm more than 7 days before the projected alarm means early emptying (DESIGN.md PUMP_ALARM_RECORDED). */
export const EARLY_LOW_RESERVOIR_ALARM_DAYS = 7;
/** A booked refill passes by itself 4 h after its start, or when its clinic day is over (DESIGN.md). */
export const BOOKING_MISSED_AFTER_HOURS = 4;

/**
 * Alarms a pump sounds (DESIGN.md "Pump event"; CLINICAL.md "Pumps": critical alarms are empty
 * reservoir, end of service, motor stall, critical memory error; low reservoir and ERI are not).
 */
export const PUMP_ALARM_TYPES = [
  'alarm_low_reservoir',
  'alarm_eri',
  'alarm_empty_reservoir',
  'alarm_end_of_service',
  'alarm_motor_stall',
  'alarm_critical_memory',
  'alarm_critical',
] as const;
export type PumpAlarmType = (typeof PUMP_ALARM_TYPES)[number];
export const CRITICAL_PUMP_ALARMS: readonly PumpAlarmType[] = [
  'alarm_empty_reservoir',
  'alarm_end_of_service',
  'alarm_motor_stall',
  'alarm_critical_memory',
  'alarm_critical',
];
const ALARM_WORDS: Record<PumpAlarmType, string> = {
  alarm_low_reservoir: 'Low-reservoir alarm',
  alarm_eri: 'Replacement (ERI) alarm',
  alarm_empty_reservoir: 'Empty-reservoir alarm',
  alarm_end_of_service: 'End-of-service alarm',
  alarm_motor_stall: 'Motor-stall alarm',
  alarm_critical_memory: 'Critical memory-error alarm',
  alarm_critical: 'Critical alarm',
};

/**
 * A booked (or arrived) refill appointment counts as booked only while it can still happen: once its
 * clinic day is over, or it started more than 4 hours ago, with no fill since, it is missed by itself.
 * (The risk-state SQL applies the same test; keep them together.)
 */
export function isBookingMissed(startsAt: Date, now: Date, timeZone: string): boolean {
  return (
    now.getTime() >= startsAt.getTime() + BOOKING_MISSED_AFTER_HOURS * 3_600_000 ||
    toLocalDate(now, timeZone) > toLocalDate(startsAt, timeZone)
  );
}

export interface PumpRiskState {
  model: PumpModel;
  implantedOn: LocalDate;
  eriDate: LocalDate | null;
  alarmAt: Date;
  emptyAt: Date;
  refillBy: LocalDate;
  lastFillId: string;
  lastFillAt: Date;
  /** The residual comparison of the last fill when it was a refill; null after the first fill. */
  lastRefill: { discrepancyMl: number; deliveryErrorPct: number | null } | null;
  /** The last fill refilled a pump that had run dry: since when it was empty; null otherwise. */
  lastFillEmptySince: Date | null;
  currentDailyDoseMcg: number;
  /** The highest programmed dose in force at any moment of the 72 h before now (fills and adjustments). */
  highestDoseLast72hMcg: number | null;
  /** The lowest programmed dose in force at any moment of the 30 days before now. */
  lowestDoseLast30dMcg: number | null;
  /** The earliest booked (or arrived) refill appointment since the fill that can still happen. */
  nextRefillAppointmentAt: Date | null;
  /** The latest refill appointment since the fill that was missed: marked no-show, or passed by itself. */
  lastMissedRefillAt: Date | null;
  lastMriAt: Date | null;
  lastInterrogationAt: Date | null;
  /** The latest pump alarm recorded. */
  lastAlarm: { at: Date; type: PumpAlarmType } | null;
  /** The latest `pump_stopped` event with no restart after it. */
  stoppedAt: Date | null;
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

type Rule = (state: PumpRiskState, settings: RiskSettings, now: Date) => RiskFinding | null;

type FindingTexts = Pick<RiskFinding, 'summary' | 'facts'>;

/**
 * A finding whose summary and facts are written when first read (then kept): an hourly pass over every
 * pump finds mostly what is already flagged, and reads the texts only of what is new or changed. They
 * are written from the state and settings the rule was given, which must not change meanwhile.
 */
function finding(code: RiskRuleCode, severity: FlagSeverity, describe: () => FindingTexts): RiskFinding {
  let texts: FindingTexts | undefined;
  const described = () => (texts ??= describe());
  return {
    code,
    severity,
    get summary() {
      return described().summary;
    },
    get facts() {
      return described().facts;
    },
  };
}

/**
 * Every rule that holds now, most severe first. Of the scheduling rules only the first that holds in
 * precedence order is returned: one late refill is one fact, not three flags.
 */
export function evaluateRiskRules(state: PumpRiskState, settings: RiskSettings, now: Date): RiskFinding[] {
  // The first scheduling rule that holds wins, so the later ones are not evaluated (they build texts).
  let scheduling: RiskFinding | null = null;
  for (const rule of SCHEDULING_RULES) {
    scheduling = rule(state, settings, now);
    if (scheduling) break;
  }
  const others = OTHER_RULES.map((rule) => rule(state, settings, now)).filter((f): f is RiskFinding => f !== null);
  const findings = scheduling ? [scheduling, ...others] : others;
  return findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

const ago = (from: Date, now: Date) => {
  const days = Math.floor((now.getTime() - from.getTime()) / MS_PER_DAY);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
};

/**
 * How long ago, at reading time, the instant a scheduling flag is about happened: "alarm 3 days ago",
 * "2 days 3 h without drug". A flag's summary is stored when it is raised, so it names instants only
 * and the screen adds this phrase when it shows the flag (it never freezes at "1 day ago").
 */
export function flagTimePhrase(code: string, facts: Record<string, unknown>, now: Date): string | null {
  const at = (key: string) => (typeof facts[key] === 'string' ? new Date(facts[key]) : null);
  if (code === 'RESERVOIR_EMPTY') {
    const emptyAt = at('emptyAt');
    if (!emptyAt || now < emptyAt) return null;
    return `${describeHours(Math.floor((now.getTime() - emptyAt.getTime()) / 3_600_000))} without drug`;
  }
  if (code === 'REFILL_OVERDUE') {
    const alarmAt = at('alarmAt');
    return alarmAt && now >= alarmAt ? `alarm ${ago(alarmAt, now)}` : null;
  }
  return null;
}

/** The facts every scheduling flag carries: the appointment (or its absence), the alarm and the empty instants. */
const schedulingFacts = (s: PumpRiskState) => ({
  alarmAt: s.alarmAt.toISOString(),
  emptyAt: s.emptyAt.toISOString(),
  appointmentAt: s.nextRefillAppointmentAt?.toISOString() ?? 'none',
});

const bookingPhrase = (s: PumpRiskState, timeZone: string) =>
  s.nextRefillAppointmentAt
    ? `refill booked for ${toLocalDateTime(s.nextRefillAppointmentAt, timeZone)}`
    : 'no refill booked';

const reservoirEmpty: Rule = (s, { timeZone }, now) =>
  now >= s.emptyAt
    ? finding('RESERVOIR_EMPTY', 'critical', () => ({
        summary: `Reservoir projected empty since ${toLocalDateTime(s.emptyAt, timeZone)}; ${bookingPhrase(s, timeZone)}`,
        facts: schedulingFacts(s),
      }))
    : null;

const refillOverdue: Rule = (s, { timeZone }, now) =>
  now >= s.alarmAt
    ? finding('REFILL_OVERDUE', 'critical', () => ({
        summary: `Low-reservoir alarm at ${toLocalDateTime(s.alarmAt, timeZone)}; empty at ${toLocalDateTime(s.emptyAt, timeZone)}; ${bookingPhrase(s, timeZone)}`,
        facts: schedulingFacts(s),
      }))
    : null;

const appointmentAfterEmpty: Rule = (s, { timeZone }) => {
  const next = s.nextRefillAppointmentAt;
  return next && next > s.emptyAt
    ? finding('APPOINTMENT_AFTER_EMPTY', 'critical', () => ({
        summary: `Refill booked for ${toLocalDateTime(next, timeZone)}, after the reservoir is projected empty at ${toLocalDateTime(s.emptyAt, timeZone)}`,
        facts: schedulingFacts(s),
      }))
    : null;
};

const missedRefillAppointment: Rule = (s, { timeZone }) => {
  const missedAt = s.lastMissedRefillAt;
  return missedAt && missedAt > s.lastFillAt
    ? finding('MISSED_REFILL_APPOINTMENT', 'high', () => ({
        summary: `Refill appointment at ${toLocalDateTime(missedAt, timeZone)} missed, no refill since; alarm at ${toLocalDateTime(s.alarmAt, timeZone)}; ${bookingPhrase(s, timeZone)}`,
        facts: { ...schedulingFacts(s), missedAt: missedAt.toISOString() },
      }))
    : null;
};

/** The local date the drug-stability limit falls on: local date of the fill + maxDrugDaysInPump. */
export function stabilityLimitDate(
  lastFillAt: Date,
  settings: Pick<RiskSettings, 'timeZone' | 'maxDrugDaysInPump'>,
): LocalDate {
  return addDays(toLocalDate(lastFillAt, settings.timeZone), settings.maxDrugDaysInPump);
}

const appointmentAfterAlarm: Rule = (s, settings) => {
  const next = s.nextRefillAppointmentAt;
  if (!next) return null;
  const { timeZone } = settings;
  const limitDate = stabilityLimitDate(s.lastFillAt, settings);
  const isAfterAlarm = next > s.alarmAt;
  const isAfterStability = toLocalDate(next, timeZone) > limitDate;
  if (!isAfterAlarm && !isAfterStability) return null;
  return finding('APPOINTMENT_AFTER_ALARM', 'high', () => {
    const reason = isAfterAlarm
      ? `after the low-reservoir alarm at ${toLocalDateTime(s.alarmAt, timeZone)}`
      : `after the ${settings.maxDrugDaysInPump}-day drug-stability limit (${formatDateText(limitDate)})`;
    return {
      summary: `Refill booked for ${toLocalDateTime(next, timeZone)}, ${reason}`,
      facts: { ...schedulingFacts(s), stabilityLimitOn: limitDate },
    };
  });
};

const refillDueUnscheduled: Rule = (s, { timeZone, dueSoonWindowDays }, now) => {
  if (s.nextRefillAppointmentAt) return null;
  const daysToRefillBy = daysBetween(toLocalDate(now, timeZone), s.refillBy);
  if (daysToRefillBy > dueSoonWindowDays) return null;
  return finding('REFILL_DUE_UNSCHEDULED', 'high', () => ({
    summary: `Refill due by ${formatDateText(s.refillBy)} and no refill booked; alarm at ${toLocalDateTime(s.alarmAt, timeZone)}`,
    facts: { ...schedulingFacts(s), refillBy: s.refillBy, daysToRefillBy },
  }));
};

const SCHEDULING_RULES: Rule[] = [
  reservoirEmpty,
  refillOverdue,
  appointmentAfterEmpty,
  missedRefillAppointment,
  appointmentAfterAlarm,
  refillDueUnscheduled,
];

const pumpAlarmRecorded: Rule = (s, { timeZone }) => {
  const alarm = s.lastAlarm;
  if (!alarm || alarm.at <= s.lastFillAt) return null;
  if (s.lastInterrogationAt && s.lastInterrogationAt > alarm.at) return null;
  const isCritical = CRITICAL_PUMP_ALARMS.includes(alarm.type);
  const isEarlyLow =
    alarm.type === 'alarm_low_reservoir' &&
    s.alarmAt.getTime() - alarm.at.getTime() > EARLY_LOW_RESERVOIR_ALARM_DAYS * MS_PER_DAY;
  return finding('PUMP_ALARM_RECORDED', isCritical || isEarlyLow ? 'critical' : 'high', () => {
    const why = isEarlyLow
      ? `, ${Math.floor((s.alarmAt.getTime() - alarm.at.getTime()) / MS_PER_DAY)} days before the projected alarm: early emptying (over-infusion or pocket fill?)`
      : '';
    return {
      summary: `${ALARM_WORDS[alarm.type]} at ${toLocalDateTime(alarm.at, timeZone)}${why}; no interrogation or refill since`,
      facts: {
        alarmType: alarm.type,
        recordedAlarmAt: alarm.at.toISOString(),
        projectedAlarmAt: s.alarmAt.toISOString(),
      },
    };
  });
};

const pumpStopped: Rule = (s, { timeZone }) => {
  const stoppedAt = s.stoppedAt;
  return stoppedAt
    ? finding('PUMP_STOPPED', 'critical', () => ({
        summary: `Pump recorded as stopped at ${toLocalDateTime(stoppedAt, timeZone)} and not restarted: no drug is being delivered`,
        facts: { stoppedAt: stoppedAt.toISOString() },
      }))
    : null;
};

const drugStabilityExceeded: Rule = (s, settings, now) => {
  const limitOn = stabilityLimitDate(s.lastFillAt, settings);
  return toLocalDate(now, settings.timeZone) >= limitOn
    ? finding('DRUG_STABILITY_EXCEEDED', 'high', () => ({
        summary: `Drug in the pump since ${toLocalDateTime(s.lastFillAt, settings.timeZone)}: the ${settings.maxDrugDaysInPump}-day stability limit is ${formatDateText(limitOn)}`,
        facts: { lastFillAt: s.lastFillAt.toISOString(), limitOn, maxDrugDaysInPump: settings.maxDrugDaysInPump },
      }))
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

const residualDiscrepancy: Rule = (s, { timeZone }) => {
  const refill = s.lastRefill;
  return refill && isResidualDiscrepant(refill)
    ? finding('RESIDUAL_DISCREPANCY', 'high', () => ({
        summary: `Refill at ${toLocalDateTime(s.lastFillAt, timeZone)}: residual ${refill.discrepancyMl > 0 ? '+' : ''}${refill.discrepancyMl} mL off expected, delivery error ${refill.deliveryErrorPct} %`,
        facts: {
          fillId: s.lastFillId,
          fillAt: s.lastFillAt.toISOString(),
          discrepancyMl: refill.discrepancyMl,
          deliveryErrorPct: refill.deliveryErrorPct ?? 0,
        },
      }))
    : null;
};

const postMriCheckPending: Rule = (s, { timeZone }) => {
  const mriAt = s.lastMriAt;
  if (!mriAt || (s.lastInterrogationAt && s.lastInterrogationAt > mriAt)) return null;
  const isPrometra = s.model.startsWith('prometra');
  return finding('POST_MRI_CHECK_PENDING', 'high', () => ({
    summary: isPrometra
      ? `MRI at ${toLocalDateTime(mriAt, timeZone)} and no pump interrogation since (Prometra: the reservoir must have been emptied before the scan)`
      : `MRI at ${toLocalDateTime(mriAt, timeZone)} and no pump interrogation since (the rotor can stall)`,
    facts: { mriAt: mriAt.toISOString() },
  }));
};

/** The ERI date when interrogation gave one, or the model's conservative estimate from the implant date. */
export function replacementDueOn(
  model: PumpModel,
  implantedOn: LocalDate,
  eriDate: LocalDate | null,
): LocalDate | null {
  if (eriDate) return eriDate;
  const years = PUMP_CATALOGUE[model].eriEstimateYears;
  if (years === undefined) return null;
  const year = Number(implantedOn.slice(0, 4)) + years;
  const monthDay = implantedOn.slice(5);
  // 29 February has no anniversary in a common year: the next day, 1 March.
  return monthDay === '02-29' && !isLeapYear(year) ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** The Gregorian rule, without building a date (the hourly pass asks once per pump). */
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const pumpReplacementDue: Rule = (s, { timeZone }, now) => {
  const dueOn = replacementDueOn(s.model, s.implantedOn, s.eriDate);
  if (!dueOn) return null;
  const daysLeft = daysBetween(toLocalDate(now, timeZone), dueOn);
  if (daysLeft > REPLACEMENT_NOTICE_DAYS) return null;
  const severity: FlagSeverity = daysLeft <= 0 ? 'critical' : daysLeft <= REPLACEMENT_URGENT_DAYS ? 'high' : 'moderate';
  return finding('PUMP_REPLACEMENT_DUE', severity, () => {
    const years = PUMP_CATALOGUE[s.model].eriEstimateYears;
    const source = s.eriDate
      ? `ERI date ${formatDateText(dueOn)}`
      : `Estimated ERI ${formatDateText(dueOn)} (${years} years from implant, the shortest typical battery life; interrogate the pump to confirm)`;
    return {
      summary:
        daysLeft <= 0
          ? `${source} has passed: replace now`
          : `${source}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}: plan the replacement`,
      facts: { dueOn, daysLeft, source: s.eriDate ? 'eri' : 'estimate' },
    };
  });
};

const rapidDoseReduction: Rule = (s) => {
  const from = s.highestDoseLast72hMcg;
  if (from === null || from <= 0) return null;
  const fallPct = ((from - s.currentDailyDoseMcg) / from) * 100;
  if (fallPct <= RAPID_REDUCTION_PCT) return null;
  return finding('RAPID_DOSE_REDUCTION', 'moderate', () => ({
    summary: `Daily dose fell from ${from} to ${s.currentDailyDoseMcg} mcg/day (−${roundTo(fallPct, 1)} %) within 72 h: watch for withdrawal`,
    facts: { fromMcg: from, toMcg: s.currentDailyDoseMcg, fallPct: roundTo(fallPct, 1) },
  }));
};

const doseEscalation: Rule = (s) => {
  const from = s.lowestDoseLast30dMcg;
  if (from === null || from <= 0) return null;
  const risePct = ((s.currentDailyDoseMcg - from) / from) * 100;
  if (risePct <= DOSE_ESCALATION_PCT) return null;
  return finding('DOSE_ESCALATION', 'moderate', () => ({
    summary: `Daily dose rose from ${from} to ${s.currentDailyDoseMcg} mcg/day (+${roundTo(risePct, 1)} %) within 30 days: consider a catheter problem`,
    facts: { fromMcg: from, toMcg: s.currentDailyDoseMcg, risePct: roundTo(risePct, 1) },
  }));
};

const withdrawalWatch: Rule = (s, { timeZone }, now) => {
  const since = s.lastFillEmptySince;
  if (!since) return null;
  const watchUntil = new Date(s.lastFillAt.getTime() + WITHDRAWAL_WATCH_HOURS * 3_600_000);
  if (now >= watchUntil) return null;
  const hours = Math.floor((s.lastFillAt.getTime() - since.getTime()) / 3_600_000);
  return finding('WITHDRAWAL_WATCH', 'high', () => ({
    summary: `Refilled at ${toLocalDateTime(s.lastFillAt, timeZone)} after ${describeHours(hours)} without drug (empty since ${toLocalDateTime(since, timeZone)}): watch for withdrawal until ${toLocalDateTime(watchUntil, timeZone)}`,
    facts: {
      fillId: s.lastFillId,
      emptySince: since.toISOString(),
      hoursWithoutDrug: hours,
      watchUntil: watchUntil.toISOString(),
    },
  }));
};

const OTHER_RULES: Rule[] = [
  pumpAlarmRecorded,
  pumpStopped,
  drugStabilityExceeded,
  residualDiscrepancy,
  postMriCheckPending,
  pumpReplacementDue,
  rapidDoseReduction,
  withdrawalWatch,
  doseEscalation,
];
