/**
 * Issue 11's hand-worked cases, one or more for each numbered item, with the arithmetic beside each. The
 * domain's unit tests run them through libs/domain; the API's integration tests run the same cases through
 * HTTP (apps/api/test/clinical-safety-cases.int-spec.ts).
 *
 * Every case starts from DESIGN.md's worked example unless it says otherwise: a SynchroMed II 20 mL pump
 * (alarm 2.0 mL) filled on 5 Jan 2026, 10:00 GMT (a Monday) with 20 mL of 2000 mcg/mL at 400 mcg/day →
 * 0.2 mL/day; alarm day 90 (2026-04-05 10:00), empty day 100 (2026-04-15 10:00), refill-by 2026-03-31.
 * Clinic: Europe/London, lead 5 days, drug stability 180 days, due-soon window 14 days, Mon–Fri.
 * "Day N" is 5 Jan 2026, 10:00 GMT + N days.
 */
import type { AgeBand } from './age-bands.js';
import type { ClinicalSign, SignKind } from './clinical-signs.js';
import type { SpasticityOrigin } from './dose-limits.js';
import type { PumpModel } from './pump-models.js';
import { MS_PER_DAY } from './reservoir.js';
import type { RiskRuleCode } from './risk-rules.js';

export const SAFETY_FILL_AT = '2026-01-05T10:00:00.000Z';
export const SAFETY_CLINIC = {
  timeZone: 'Europe/London',
  refillLeadDays: 5,
  maxDrugDaysInPump: 180,
  dueSoonWindowDays: 14,
} as const;

/** Day N (and H hours) after the worked example's fill, as an ISO instant. */
export const day = (n: number, hours = 0): string =>
  new Date(Date.parse(SAFETY_FILL_AT) + n * MS_PER_DAY + hours * 3_600_000).toISOString();

export interface SafetyRefill {
  kind: 'refill';
  at: string;
  withdrawnMl: number;
  addedMl: number;
  afterMl?: number;
  concentrationMcgPerMl: number;
  dailyDoseMcg: number;
  patientBolusMcgPerDay?: number | null;
  patientBolusesDeliveredMl?: number;
  bridgeBolusMl?: number | null;
  primingBolusMl?: number | null;
  confirmShortInterval?: boolean;
}
export interface SafetyDoseChange {
  kind: 'dose';
  at: string;
  dailyDoseMcg: number;
}
export interface SafetyEvent {
  kind: 'event';
  at: string;
  type: string;
  volumeMl?: number;
}
/** A refill appointment booked (at `bookedAt`, when the clock stands there) for `startsAt`. */
export interface SafetyBooking {
  kind: 'book';
  bookedAt: string;
  startsAt: string;
}
/** A clinician resolves the open flag with this code (with a note). */
export interface SafetyResolve {
  kind: 'resolve';
  at: string;
  code: RiskRuleCode;
}
/** A clinician reports withdrawal or overdose signs (a manual flag). */
export interface SafetySignsReport {
  kind: 'signs';
  at: string;
  signKind: SignKind;
  signs: ClinicalSign[];
}
export type SafetyAction =
  SafetyRefill | SafetyDoseChange | SafetyEvent | SafetyBooking | SafetyResolve | SafetySignsReport;

export interface SafetyExpectation {
  /** Recorded (2xx) or refused (422, or 400 where the body itself is malformed) with the field named. */
  outcome: 'recorded' | 'refused';
  refusedField?: string;
  refusedStatus?: 400 | 422;
  limitCode?: string;
  residualFoundMl?: number;
  expectedResidualMl?: number;
  discrepancyMl?: number;
  deliveryErrorPct?: number;
  mixedConcentrationMcgPerMl?: number;
  realDailyDoseMcg?: number;
  hoursWithoutDrug?: number;
  alarmAt?: string;
  /** Open rule flags of the pump after the act. */
  openFlags?: { code: RiskRuleCode; severity: 'critical' | 'high' | 'moderate' }[];
  /** Open manual flags (reported signs) of the patient after the act: exactly these. */
  manualFlags?: { kind: SignKind; severity: 'critical' | 'high' | 'moderate' }[];
  /** The age band derived from the birth date on the clinic's today (null: an adult under 65). */
  ageBand?: AgeBand | null;
}

export interface SafetyCase {
  item: number;
  name: string;
  /** The arithmetic, by hand. */
  working: string;
  origin: SpasticityOrigin;
  birthDate: string;
  pump?: { model?: PumpModel; implantedOn?: string };
  firstFill?: { dailyDoseMcg?: number; patientBolusMcgPerDay?: number | null };
  /** Recorded first, by a specialist (with an override reason where a limit needs one); all succeed. */
  history: SafetyAction[];
  /** The action under test and who does it; `now` is the clock when it is done. */
  act: SafetyAction & { by: 'nurse' | 'specialist'; overrideReason?: string };
  now: string;
  expect: SafetyExpectation;
}

const ADULT = '1980-06-01';
const worked = (n: number) => ({ concentrationMcgPerMl: 2000, dailyDoseMcg: 400, at: day(n) });

export const SAFETY_CASES: SafetyCase[] = [
  // ── 1. Dose limits hold across fills ─────────────────────────────────────────────────────────────
  {
    item: 1,
    name: 'a refill to +30 % then a change two hours later to 676 is +69 % in 2 h',
    working:
      'Refill day 60: 400 → 520 (520/400 = 1.30, within 30 %). Day 60 + 2 h: 676. Doses in force in the 24 h ' +
      'before: 400 (until the refill) and 520; lowest 400 → 676/400 = 1.69: +69 %, beyond 30 % by 39 %.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 520 }],
    act: { kind: 'dose', at: day(60, 2), dailyDoseMcg: 676, by: 'nurse' },
    now: day(60, 3),
    expect: { outcome: 'refused', refusedField: 'newDailyDoseMcg', limitCode: 'INCREASE_LIMIT_SPINAL' },
  },
  {
    item: 1,
    name: 'two 20 % decreases three hours apart are −36 % in a day',
    working:
      'Refill day 60: 400 → 320 (−20 %). Day 60 + 3 h: 256. Highest in the 24 h before: 400 → 256/400 = 0.64: −36 %.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 320 }],
    act: { kind: 'dose', at: day(60, 3), dailyDoseMcg: 256, by: 'nurse' },
    now: day(60, 4),
    expect: { outcome: 'refused', refusedField: 'newDailyDoseMcg', limitCode: 'DECREASE_LIMIT' },
  },
  {
    item: 1,
    name: 'no increase within 24 h of the implant’s first fill',
    working: 'First fill day 0 10:00 at 400. Day 0 + 6 h: 420 (+5 %): within 30 %, but no increase in the first 24 h.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'dose', at: day(0, 6), dailyDoseMcg: 420, by: 'nurse' },
    now: day(0, 7),
    expect: { outcome: 'refused', refusedField: 'newDailyDoseMcg', limitCode: 'NO_INCREASE_AFTER_IMPLANT' },
  },
  {
    item: 1,
    name: 'a child takes the cerebral limit: a refill to +20 % is refused',
    working: 'Born 2010-06-01: 15 on 2026-03-06 (< 18). Refill day 60: 400 → 480 = +20 %; children +15 % at most.',
    origin: 'spinal',
    birthDate: '2010-06-01',
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 480, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'refused', refusedField: 'dailyDoseMcg', limitCode: 'INCREASE_LIMIT_CHILD' },
  },
  {
    item: 1,
    name: 'the same +20 % refill for an adult with spinal origin is recorded',
    working: '480/400 = 1.20: +20 % ≤ 30 %. Expected residual 20 − 60 × 0.2 = 8.0 mL, found 8.0: discrepancy 0.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 480, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', expectedResidualMl: 8, discrepancyMl: 0, deliveryErrorPct: 0 },
  },
  // ── 2. The bolus allowance is not delivery ────────────────────────────────────────────────────────
  {
    item: 2,
    name: 'an unused 100 mcg/day allowance: a normal pump reconciles to 0',
    working:
      'Programmed 400/2000 = 0.2 mL/day; day 60 → 12 mL delivered, expected 8.0 mL. Found 8.0: discrepancy 0, ' +
      'error 0 %. (Counting the allowance, 0.25 mL/day → expected 5.0: "+3.0 mL, under-delivery".)',
    origin: 'spinal',
    birthDate: ADULT,
    firstFill: { patientBolusMcgPerDay: 100 },
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, patientBolusMcgPerDay: 100, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', expectedResidualMl: 8, discrepancyMl: 0, deliveryErrorPct: 0 },
  },
  {
    item: 2,
    name: 'a pump over-infusing by 20 % is no longer hidden by the allowance',
    working:
      'Delivered 12 × 1.2 = 14.4 mL → found 20 − 14.4 = 5.6 mL. Expected 8.0: discrepancy −2.4 mL; ' +
      '(14.4 − 12) / 12 = +20.0 % > 14.5 % and |−2.4| ≥ 1.0 → RESIDUAL_DISCREPANCY. (Against 5.0: +0.6 mL, −4.0 %.)',
    origin: 'spinal',
    birthDate: ADULT,
    firstFill: { patientBolusMcgPerDay: 100 },
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 5.6, addedMl: 20, patientBolusMcgPerDay: 100, by: 'nurse' },
    now: day(60, 1),
    expect: {
      outcome: 'recorded',
      expectedResidualMl: 8,
      discrepancyMl: -2.4,
      deliveryErrorPct: 20,
      openFlags: [{ code: 'RESIDUAL_DISCREPANCY', severity: 'high' }],
    },
  },
  {
    item: 2,
    name: 'patient boluses the controller reports are counted as delivered',
    working: 'Expected 8.0 − 1.5 mL of patient boluses = 6.5 mL; found 6.5: discrepancy 0, error 0 %.',
    origin: 'spinal',
    birthDate: ADULT,
    firstFill: { patientBolusMcgPerDay: 100 },
    history: [],
    act: {
      kind: 'refill',
      ...worked(60),
      withdrawnMl: 6.5,
      addedMl: 20,
      patientBolusMcgPerDay: 100,
      patientBolusesDeliveredMl: 1.5,
      by: 'nurse',
    },
    now: day(60, 1),
    expect: { outcome: 'recorded', expectedResidualMl: 6.5, discrepancyMl: 0, deliveryErrorPct: 0 },
  },
  // ── 3. A concentration change with drug left in the reservoir ─────────────────────────────────────
  {
    item: 3,
    name: '2 mL of 2000 left, 18 mL of 500 added: +30 % real dose, refused for cerebral origin',
    working:
      'Mixed (2 × 2000 + 18 × 500) / 20 = 13000 / 20 = 650 mcg/mL. Programmed 400 at 500 → real 400 × 650/500 = ' +
      '520 mcg/day: +30 % > 15 % (cerebral). Found 6 withdrawn + 2 left = 8.0 = expected.',
    origin: 'cerebral',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'refill',
      at: day(60),
      withdrawnMl: 6,
      addedMl: 18,
      afterMl: 20,
      concentrationMcgPerMl: 500,
      dailyDoseMcg: 400,
      bridgeBolusMl: null,
      by: 'nurse',
    },
    now: day(60, 1),
    expect: {
      outcome: 'refused',
      refusedField: 'concentrationMcgPerMl',
      limitCode: 'INCREASE_LIMIT_CEREBRAL',
      mixedConcentrationMcgPerMl: 650,
      realDailyDoseMcg: 520,
      residualFoundMl: 8,
    },
  },
  {
    item: 3,
    name: '3 mL left: +45 % real dose, recorded by a specialist with a reason',
    working:
      'Mixed (3 × 2000 + 17 × 500) / 20 = 14500 / 20 = 725. Real 400 × 725/500 = 580: +45 %. Found 5 + 3 = 8.0 ' +
      '= expected 8.0. Drain 400/500 = 0.8 mL/day: alarm (20 − 2) / 0.8 = 22.5 days → day 82 22:00 (28 Mar 2026, 22:00 GMT).',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'refill',
      at: day(60),
      withdrawnMl: 5,
      addedMl: 17,
      afterMl: 20,
      concentrationMcgPerMl: 500,
      dailyDoseMcg: 400,
      bridgeBolusMl: null,
      by: 'specialist',
      overrideReason: 'Switching to 500 mcg/mL; real dose reviewed',
    },
    now: day(60, 1),
    expect: {
      outcome: 'recorded',
      mixedConcentrationMcgPerMl: 725,
      realDailyDoseMcg: 580,
      residualFoundMl: 8,
      discrepancyMl: 0,
      alarmAt: day(82, 12),
    },
  },
  {
    item: 3,
    name: 'a concentration change asks whether a bridge bolus was given',
    working: '2000 → 500 mcg/mL with nothing left: no mix, but the bridge-bolus question must be answered.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'refill',
      at: day(60),
      withdrawnMl: 8,
      addedMl: 20,
      concentrationMcgPerMl: 500,
      dailyDoseMcg: 400,
      by: 'nurse',
    },
    now: day(60, 1),
    expect: { outcome: 'refused', refusedField: 'bridgeBolusMl' },
  },
  {
    item: 3,
    name: 'a bridge bolus drains the new fill and moves its alarm',
    working:
      '20 mL of 500 at 400 → 0.8 mL/day; a 0.5 mL bridge bolus 1 s after the refill leaves 19.5 mL: alarm ' +
      '(19.5 − 2 − the 1 s of drain) / 0.8 days after the bolus = 21.875 days after the refill = 21 d 21 h → ' +
      '28 Mar 2026, 07:00 GMT.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'refill',
      at: day(60),
      withdrawnMl: 8,
      addedMl: 20,
      concentrationMcgPerMl: 500,
      dailyDoseMcg: 400,
      bridgeBolusMl: 0.5,
      by: 'nurse',
    },
    now: day(60, 1),
    expect: { outcome: 'recorded', alarmAt: day(81, 21) },
  },
  // ── 4. Recorded alarms and stopped pumps raise flags ──────────────────────────────────────────────
  {
    item: 4,
    name: 'a motor-stall alarm raises PUMP_ALARM_RECORDED, critical',
    working: 'Critical alarm kind (CLINICAL.md "Pumps") with no interrogation or refill after it.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'event', at: day(30), type: 'alarm_motor_stall', by: 'nurse' },
    now: day(30, 1),
    expect: { outcome: 'recorded', openFlags: [{ code: 'PUMP_ALARM_RECORDED', severity: 'critical' }] },
  },
  {
    item: 4,
    name: 'a low-reservoir alarm 60 days before the projected alarm is critical (early emptying)',
    working: 'Heard day 30; projected alarm day 90: 60 days early > 7 → critical.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'event', at: day(30), type: 'alarm_low_reservoir', by: 'nurse' },
    now: day(30, 1),
    expect: { outcome: 'recorded', openFlags: [{ code: 'PUMP_ALARM_RECORDED', severity: 'critical' }] },
  },
  {
    item: 4,
    name: 'a stopped pump raises PUMP_STOPPED until it is restarted',
    working: 'pump_stopped day 30 with no pump_restarted after it → critical.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'event', at: day(30), type: 'pump_stopped', by: 'nurse' },
    now: day(30, 1),
    expect: { outcome: 'recorded', openFlags: [{ code: 'PUMP_STOPPED', severity: 'critical' }] },
  },
  {
    item: 4,
    name: 'a restart clears PUMP_STOPPED',
    working: 'pump_stopped day 30, pump_restarted day 30 + 2 h → nothing open.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'event', at: day(30), type: 'pump_stopped' }],
    act: { kind: 'event', at: day(30, 2), type: 'pump_restarted', by: 'nurse' },
    now: day(30, 3),
    expect: { outcome: 'recorded', openFlags: [] },
  },
  // ── 5. A passed booking is missed by itself ───────────────────────────────────────────────────────
  {
    item: 5,
    name: 'a refill booked for day 80 and not attended is missed the next day',
    working:
      'Refill-by 2026-03-31, window 14 → due soon from 03-17. Booked day 80 (Thu 2026-03-26 10:00). On Fri 03-27 ' +
      '09:00 the day is over with no fill: MISSED_REFILL_APPOINTMENT, and no "unscheduled" beside it.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'book', bookedAt: day(75), startsAt: day(80) }],
    act: { kind: 'event', at: day(80, 23), type: 'interrogation', by: 'nurse' },
    now: day(80, 23),
    expect: { outcome: 'recorded', openFlags: [{ code: 'MISSED_REFILL_APPOINTMENT', severity: 'high' }] },
  },
  // ── 6. One scheduling flag per pump ───────────────────────────────────────────────────────────────
  {
    item: 6,
    name: 'a booking after the empty instant raises APPOINTMENT_AFTER_EMPTY, critical, alone',
    working: 'Empty day 100 (04-15 10:00); booked day 101 → after empty. Not also after-alarm, not unscheduled.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'book', bookedAt: day(80), startsAt: day(101), by: 'nurse' },
    now: day(80),
    expect: { outcome: 'recorded', openFlags: [{ code: 'APPOINTMENT_AFTER_EMPTY', severity: 'critical' }] },
  },
  {
    item: 6,
    name: 'once the alarm passes, REFILL_OVERDUE supersedes APPOINTMENT_AFTER_EMPTY',
    working: 'Booked day 101 (after empty); on day 95 the alarm (day 90) has passed → REFILL_OVERDUE only.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'book', bookedAt: day(80), startsAt: day(101) }],
    act: { kind: 'event', at: day(95), type: 'interrogation', by: 'nurse' },
    now: day(95),
    expect: { outcome: 'recorded', openFlags: [{ code: 'REFILL_OVERDUE', severity: 'critical' }] },
  },
  {
    item: 6,
    name: 'a booking after the drug-stability limit is flagged when that comes first',
    working:
      '100 mcg/day → 0.05 mL/day: alarm 18 / 0.05 = 360 days. Stability 2026-01-05 + 180 = 2026-07-04 (a Saturday). ' +
      'Booked Mon 2026-07-06 (day 182) → APPOINTMENT_AFTER_ALARM (stability).',
    origin: 'spinal',
    birthDate: ADULT,
    firstFill: { dailyDoseMcg: 100 },
    history: [],
    act: { kind: 'book', bookedAt: day(150), startsAt: day(182), by: 'nurse' },
    now: day(150),
    expect: { outcome: 'recorded', openFlags: [{ code: 'APPOINTMENT_AFTER_ALARM', severity: 'high' }] },
  },
  // ── 7. Dose reduction through refills, escalation, and a resolution that holds ───────────────────
  {
    item: 7,
    name: 'a refill that programs −25 % raises RAPID_DOSE_REDUCTION',
    working:
      'Refill day 60: 400 → 300 = −25 % (specialist, with a reason). Highest in the previous 72 h 400: fall 25 % > 20 %.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'refill',
      ...worked(60),
      withdrawnMl: 8,
      addedMl: 20,
      dailyDoseMcg: 300,
      by: 'specialist',
      overrideReason: 'Side effects: drowsiness',
    },
    now: day(60, 1),
    expect: { outcome: 'recorded', openFlags: [{ code: 'RAPID_DOSE_REDUCTION', severity: 'moderate' }] },
  },
  {
    item: 7,
    name: 'RAPID_DOSE_REDUCTION stays open for the 72 h withdrawal period',
    working: 'Refill at day 60 to 300; at day 60 + 71 h the 400 of day 60 − 1 h is still in the 72 h window.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 300 }],
    act: { kind: 'event', at: day(60, 71), type: 'interrogation', by: 'nurse' },
    now: day(60, 71),
    expect: { outcome: 'recorded', openFlags: [{ code: 'RAPID_DOSE_REDUCTION', severity: 'moderate' }] },
  },
  {
    item: 7,
    name: 'a rise of 69 % in 11 days raises DOSE_ESCALATION',
    working:
      'Refill day 60: 400 → 520 (+30 %). Day 71: 520 → 676 (+30 % on the day). 676/400 = 1.69: +69 % in 30 days > 50 %.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 20, dailyDoseMcg: 520 }],
    act: { kind: 'dose', at: day(71), dailyDoseMcg: 676, by: 'nurse' },
    now: day(71, 1),
    expect: { outcome: 'recorded', openFlags: [{ code: 'DOSE_ESCALATION', severity: 'moderate' }] },
  },
  {
    item: 7,
    name: 'a resolved RESIDUAL_DISCREPANCY stays resolved for that fill',
    working:
      'The over-infusing refill of item 2 (−2.4 mL, +20 %), resolved by a specialist; the next event re-evaluates: nothing reopens.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [
      { kind: 'refill', ...worked(60), withdrawnMl: 5.6, addedMl: 20 },
      { kind: 'resolve', at: day(60, 2), code: 'RESIDUAL_DISCREPANCY' },
    ],
    act: { kind: 'event', at: day(61), type: 'interrogation', by: 'nurse' },
    now: day(61),
    expect: { outcome: 'recorded', openFlags: [] },
  },
  // ── 8. Replacement from the conservative battery estimate ────────────────────────────────────────
  {
    item: 8,
    name: 'a SynchroMed II implanted 4 years 9 months ago is due for replacement (estimate)',
    working:
      'Implanted 2021-06-01; estimated ERI + 5 years = 2026-06-01. On 2026-03-06 that is 87 days → high (≤ 90). ' +
      '(At the 7-year shut-down, 2028-06-01, nothing would show.)',
    origin: 'spinal',
    birthDate: ADULT,
    pump: { implantedOn: '2021-06-01' },
    history: [],
    act: { kind: 'event', at: day(60), type: 'interrogation', by: 'nurse' },
    now: day(60),
    expect: { outcome: 'recorded', openFlags: [{ code: 'PUMP_REPLACEMENT_DUE', severity: 'high' }] },
  },
  // ── 9. Entry checks ───────────────────────────────────────────────────────────────────────────────
  {
    item: 9,
    name: 'a fill that leaves the reservoir at the alarm volume is refused',
    working: '2.0 mL after the refill = the 2.0 mL alarm volume: refused.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 2, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'refused', refusedField: 'reservoirVolumeAfterMl' },
  },
  {
    item: 9,
    name: 'a 6-day interval needs an explicit confirmation',
    working: '3.2 mL at 0.2 mL/day: alarm (3.2 − 2) / 0.2 = 6 days < 14 → confirmShortInterval required.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 3.2, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'refused', refusedField: 'confirmShortInterval' },
  },
  {
    item: 9,
    name: 'confirmed, the 6-day interval is recorded',
    working: 'As above with confirmShortInterval: true → alarm day 66 10:00.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(60), withdrawnMl: 8, addedMl: 3.2, confirmShortInterval: true, by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', alarmAt: day(66) },
  },
  {
    item: 9,
    name: 'DRUG_STABILITY_EXCEEDED fires on the local date the queue shows, before the fill hour',
    working:
      '100 mcg/day: alarm day 360, so stability sets refill-by: 2026-01-05 + 180 = 2026-07-04. At 09:00 BST ' +
      '(08:00Z) that day, two hours before the fill hour, the flag is raised; nothing is booked, so the refill ' +
      'is also due and unscheduled.',
    origin: 'spinal',
    birthDate: ADULT,
    firstFill: { dailyDoseMcg: 100 },
    history: [],
    act: { kind: 'event', at: '2026-07-04T08:00:00.000Z', type: 'interrogation', by: 'nurse' },
    now: '2026-07-04T08:00:00.000Z',
    expect: {
      outcome: 'recorded',
      openFlags: [
        { code: 'DRUG_STABILITY_EXCEEDED', severity: 'high' },
        { code: 'REFILL_DUE_UNSCHEDULED', severity: 'high' },
      ],
    },
  },
  // ── 10. The record and the card: age bands from the birth date, overdose signs ────────────────────
  {
    item: 10,
    name: 'a patient born 2010-03-01 is a child on 2026-03-06: the band comes from the birth date',
    working: '2026-03-06 − 2010-03-01: 16 years (the birthday has passed this year) < 18 → child.',
    origin: 'spinal',
    birthDate: '2010-03-01',
    history: [],
    act: { kind: 'event', at: day(60), type: 'interrogation', by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', ageBand: 'child' },
  },
  {
    item: 10,
    name: 'a patient who turned 18 the day before is an adult',
    working: '2026-03-06 − 2008-03-05: 18 years (birthday yesterday), not < 18 and not ≥ 65 → no band.',
    origin: 'spinal',
    birthDate: '2008-03-05',
    history: [],
    act: { kind: 'event', at: day(60), type: 'interrogation', by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', ageBand: null },
  },
  {
    item: 10,
    name: 'a patient 65 on the day is an older adult',
    working: '2026-03-06 − 1961-03-06: 65 years today, ≥ 65 → age over 65.',
    origin: 'cerebral',
    birthDate: '1961-03-06',
    history: [],
    act: { kind: 'event', at: day(60), type: 'interrogation', by: 'nurse' },
    now: day(60, 1),
    expect: { outcome: 'recorded', ageBand: 'age_over_65' },
  },
  {
    item: 10,
    name: 'an overdose report (drowsiness, slow breathing) raises a critical flag',
    working:
      'Overdose signs severe_drowsiness + slow_or_shallow_breathing, both overdose signs → one manual flag, critical.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: {
      kind: 'signs',
      at: day(60),
      signKind: 'overdose',
      signs: ['severe_drowsiness', 'slow_or_shallow_breathing'],
      by: 'nurse',
    },
    now: day(60),
    expect: { outcome: 'recorded', manualFlags: [{ kind: 'overdose', severity: 'critical' }] },
  },
  {
    item: 10,
    name: 'seizures count as a sign of both kinds; pruritus is no overdose sign',
    working:
      'Withdrawal report [seizures, pruritus]: both withdrawal signs → critical. An overdose report naming ' +
      'pruritus (second sign) is refused at signs.1, and nothing is raised.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'signs', at: day(59), signKind: 'withdrawal', signs: ['seizures', 'pruritus'] }],
    act: { kind: 'signs', at: day(60), signKind: 'overdose', signs: ['seizures', 'pruritus'], by: 'specialist' },
    now: day(60),
    expect: {
      outcome: 'refused',
      refusedStatus: 400,
      refusedField: 'signs.1',
      manualFlags: [{ kind: 'withdrawal', severity: 'critical' }],
    },
  },
  // ── 11. Refilling a pump that ran dry ─────────────────────────────────────────────────────────────
  {
    item: 11,
    name: 'a refill two days after the projected empty instant asks about a priming bolus',
    working:
      'Empty day 100 10:00; refill day 102 10:00: 48 h without drug. The priming question is unanswered → refused.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(102), withdrawnMl: 0, addedMl: 20, by: 'nurse' },
    now: day(102, 1),
    expect: { outcome: 'refused', refusedField: 'primingBolusMl', hoursWithoutDrug: 48 },
  },
  {
    item: 11,
    name: 'answered, the dry refill records the priming bolus and raises WITHDRAWAL_WATCH',
    working:
      'Priming 0.3 mL 1 s after the refill: 19.7 mL → alarm (19.7 − 2) / 0.2 = 88.5 days after the refill → ' +
      'day 190 22:00 (14 Jul 2026, 22:00 UTC). ' +
      'Expected residual 0 (clamped), found 0: discrepancy 0. WITHDRAWAL_WATCH (high) for 72 h; empty/overdue resolve.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [],
    act: { kind: 'refill', ...worked(102), withdrawnMl: 0, addedMl: 20, primingBolusMl: 0.3, by: 'nurse' },
    now: day(102, 1),
    expect: {
      outcome: 'recorded',
      hoursWithoutDrug: 48,
      expectedResidualMl: 0,
      discrepancyMl: 0,
      alarmAt: day(190, 12),
      openFlags: [{ code: 'WITHDRAWAL_WATCH', severity: 'high' }],
    },
  },
  {
    item: 11,
    name: 'a recorded empty-reservoir alarm makes a refill a dry one even before the projected empty instant',
    working: 'Empty-reservoir alarm day 50 (projection: empty day 100). Refill day 52: 48 h without drug.',
    origin: 'spinal',
    birthDate: ADULT,
    history: [{ kind: 'event', at: day(50), type: 'alarm_empty_reservoir' }],
    act: { kind: 'refill', ...worked(52), withdrawnMl: 0, addedMl: 20, primingBolusMl: null, by: 'nurse' },
    now: day(52, 1),
    expect: {
      outcome: 'recorded',
      hoursWithoutDrug: 48,
      openFlags: [
        { code: 'WITHDRAWAL_WATCH', severity: 'high' },
        { code: 'RESIDUAL_DISCREPANCY', severity: 'high' },
      ],
    },
  },
];
