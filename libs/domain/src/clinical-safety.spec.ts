import { describe, expect, it } from 'vitest';
import { ageBandOn, ageInYearsOn } from './age-bands.js';
import {
  SAFETY_CASES,
  SAFETY_CLINIC,
  SAFETY_FILL_AT,
  type SafetyAction,
  type SafetyCase,
} from './clinical-safety.cases.js';
import { isSignOfKind, MANUAL_FLAG_SEVERITY, type SignKind } from './clinical-signs.js';
import { checkDoseChangeInWindow, doseInForceAt, type ProgrammedDose } from './dose-limits.js';
import { toLocalDate } from './local-date.js';
import { PUMP_CATALOGUE } from './pump-models.js';
import { assessRefill, BOLUS_AFTER_REFILL_MS, type RefillAssessment } from './refill-assessment.js';
import { type BolusVolume, type DrainInput, instantAtVolume, MS_PER_DAY } from './reservoir.js';
import {
  evaluateRiskRules,
  isBookingMissed,
  MANUALLY_RESOLVED_RULES,
  PUMP_ALARM_TYPES,
  type PumpAlarmType,
  type PumpRiskState,
  type RiskFinding,
} from './risk-rules.js';

/**
 * A pump as the cases see it, kept in memory the way the database keeps it: fills, dose steps, events,
 * bookings and resolved flags. Only test code: it feeds the same libs/domain functions the API calls, so
 * the hand-worked expectations are checked here first and through HTTP in the integration tier.
 */
interface Pump {
  fills: {
    id: string;
    drain: DrainInput;
    emptySince: Date | null;
    comparison: { discrepancyMl: number; deliveryErrorPct: number | null } | null;
  }[];
  steps: ProgrammedDose[];
  events: { at: Date; type: string; volumeMl?: number }[];
  bookings: Date[];
  resolved: { code: string; fillId: string }[];
  /** Reported signs (manual flags), open. */
  manual: { kind: SignKind; severity: typeof MANUAL_FLAG_SEVERITY }[];
}

function newPump(c: SafetyCase): Pump {
  const fill: DrainInput = {
    fill: {
      performedAt: new Date(SAFETY_FILL_AT),
      reservoirVolumeAfterMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: c.firstFill?.dailyDoseMcg ?? 400,
      patientBolusMcgPerDay: c.firstFill?.patientBolusMcgPerDay ?? null,
    },
    doseChanges: [],
    boluses: [],
  };
  return {
    fills: [{ id: 'fill-0', drain: fill, emptySince: null, comparison: null }],
    steps: [{ at: new Date(SAFETY_FILL_AT), dailyDoseMcg: fill.fill.dailyDoseMcg }],
    events: [],
    bookings: [],
    resolved: [],
    manual: [],
  };
}

const current = (p: Pump) => p.fills.at(-1)!;
const alarmMl = (c: SafetyCase) => PUMP_CATALOGUE[c.pump?.model ?? 'synchromed_ii_20'].alarmMl!;

type Outcome =
  | { recorded: false; field: string; limitCode?: string; assessment?: RefillAssessment }
  | { recorded: true; assessment?: RefillAssessment };

function apply(
  c: SafetyCase,
  p: Pump,
  action: SafetyAction,
  role: 'nurse' | 'specialist',
  override: boolean,
  now: Date,
): Outcome {
  const cur = current(p);
  switch (action.kind) {
    case 'refill': {
      const at = new Date(action.at);
      const lastEmptyAlarm = p.events
        .filter((e) => e.type === 'alarm_empty_reservoir' && e.at > cur.drain.fill.performedAt)
        .at(-1);
      const assessment = assessRefill(
        {
          previous: cur.drain,
          emptyAlarmAt: lastEmptyAlarm?.at ?? null,
          doseSteps: p.steps,
          firstFillAt: new Date(SAFETY_FILL_AT),
          alarmMl: alarmMl(c),
          schedule: SAFETY_CLINIC,
          spasticityOrigin: c.origin,
          birthDate: c.birthDate,
        },
        {
          performedAt: at,
          residualWithdrawnMl: action.withdrawnMl,
          volumeAddedMl: action.addedMl,
          reservoirVolumeAfterMl: action.afterMl,
          concentrationMcgPerMl: action.concentrationMcgPerMl,
          dailyDoseMcg: action.dailyDoseMcg,
          patientBolusMcgPerDay: action.patientBolusMcgPerDay ?? null,
          patientBolusesDeliveredMl: action.patientBolusesDeliveredMl ?? null,
          bridgeBolusMl: action.bridgeBolusMl,
          primingBolusMl: action.primingBolusMl,
        },
        now,
      );
      // The API's order: entry refusals, the dose limit, then the unanswered questions.
      if (assessment.entry.isAtOrBelowAlarm) return { recorded: false, field: 'reservoirVolumeAfterMl', assessment };
      const dose = assessment.dose;
      if (dose && !dose.window.check.isWithinLimit && (role === 'nurse' || !override)) {
        return {
          recorded: false,
          field: role === 'nurse' ? (assessment.mix ? 'concentrationMcgPerMl' : 'dailyDoseMcg') : 'overrideReason',
          limitCode: dose.window.check.limitCode ?? undefined,
          assessment,
        };
      }
      if (assessment.needs.bridgeBolusAnswer) return { recorded: false, field: 'bridgeBolusMl', assessment };
      if (assessment.needs.primingBolusAnswer) return { recorded: false, field: 'primingBolusMl', assessment };
      if (assessment.needs.shortIntervalConfirmation && !action.confirmShortInterval) {
        return { recorded: false, field: 'confirmShortInterval', assessment };
      }
      p.fills.push({
        id: `fill-${p.fills.length}`,
        drain: { ...assessment.newFill, doseChanges: [] },
        emptySince: assessment.withoutDrug?.emptySince ?? null,
        comparison: assessment.comparison,
      });
      p.steps.push({ at, dailyDoseMcg: action.dailyDoseMcg });
      return { recorded: true, assessment };
    }
    case 'dose': {
      const at = new Date(action.at);
      const isChild = ageInYearsOn(c.birthDate, toLocalDate(at, SAFETY_CLINIC.timeZone)) < 18;
      const window = checkDoseChangeInWindow({
        steps: p.steps,
        firstFillAt: new Date(SAFETY_FILL_AT),
        newDailyDoseMcg: action.dailyDoseMcg,
        at,
        spasticityOrigin: c.origin,
        isChild,
      });
      if (!window.check.isWithinLimit && (role === 'nurse' || !override)) {
        return { recorded: false, field: 'newDailyDoseMcg', limitCode: window.check.limitCode ?? undefined };
      }
      cur.drain.doseChanges = [
        ...(cur.drain.doseChanges ?? []),
        { effectiveAt: at, newDailyDoseMcg: action.dailyDoseMcg },
      ];
      p.steps.push({ at, dailyDoseMcg: action.dailyDoseMcg });
      return { recorded: true };
    }
    case 'event':
      p.events.push({ at: new Date(action.at), type: action.type, volumeMl: action.volumeMl });
      return { recorded: true };
    case 'book':
      p.bookings.push(new Date(action.startsAt));
      return { recorded: true };
    case 'resolve':
      p.resolved.push({ code: action.code, fillId: current(p).id });
      return { recorded: true };
    case 'signs': {
      const wrong = action.signs.findIndex((sign) => !isSignOfKind(sign, action.signKind));
      if (wrong >= 0) return { recorded: false, field: `signs.${wrong}` };
      p.manual.push({ kind: action.signKind, severity: MANUAL_FLAG_SEVERITY });
      return { recorded: true };
    }
  }
}

const latest = (dates: Date[]) => (dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null);
const isAlarm = (type: string): type is PumpAlarmType => (PUMP_ALARM_TYPES as readonly string[]).includes(type);

/** The facts the risk-state SQL reads, from the in-memory pump. */
function riskState(c: SafetyCase, p: Pump, now: Date): PumpRiskState {
  const cur = current(p);
  const fillAt = cur.drain.fill.performedAt;
  const drain: DrainInput = {
    ...cur.drain,
    boluses: [
      ...(cur.drain.boluses ?? []),
      ...p.events
        .filter((e) => e.volumeMl && e.at > fillAt)
        .map((e): BolusVolume => ({ at: e.at, volumeMl: e.volumeMl! })),
    ],
  };
  const alarmAt = instantAtVolume(drain, alarmMl(c));
  const emptyAt = instantAtVolume(drain, 0);
  const steps = p.steps.filter((s) => s.at <= now);
  const inForceSince = (ms: number) => {
    const from = new Date(now.getTime() - ms);
    return [doseInForceAt(steps, from), ...steps.filter((s) => s.at > from).map((s) => s.dailyDoseMcg)].filter(
      (d): d is number => d !== null,
    );
  };
  const future = p.bookings.filter((b) => b > fillAt && !isBookingMissed(b, now, SAFETY_CLINIC.timeZone));
  const missed = p.bookings.filter((b) => b > fillAt && isBookingMissed(b, now, SAFETY_CLINIC.timeZone));
  const stops = p.events.filter((e) => e.type === 'pump_stopped').map((e) => e.at);
  const restarts = p.events.filter((e) => e.type === 'pump_restarted').map((e) => e.at);
  const lastStop = latest(stops);
  const lastAlarm = p.events
    .filter((e) => isAlarm(e.type))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .at(-1);
  return {
    model: c.pump?.model ?? 'synchromed_ii_20',
    implantedOn: c.pump?.implantedOn ?? '2026-01-05',
    eriDate: null,
    alarmAt,
    emptyAt,
    refillBy: '2099-01-01', // the scheduling cases read the projection; refill-by only matters for "unscheduled"
    lastFillId: cur.id,
    lastFillAt: fillAt,
    lastRefill: cur.comparison,
    lastFillEmptySince: cur.emptySince,
    currentDailyDoseMcg: doseInForceAt(steps, now)!,
    highestDoseLast72hMcg: Math.max(...inForceSince(72 * 3_600_000)),
    lowestDoseLast30dMcg: Math.min(...inForceSince(30 * MS_PER_DAY)),
    nextRefillAppointmentAt: future.length ? new Date(Math.min(...future.map((d) => d.getTime()))) : null,
    lastMissedRefillAt: latest(missed),
    lastMriAt: latest(p.events.filter((e) => e.type === 'mri').map((e) => e.at)),
    lastInterrogationAt: latest(p.events.filter((e) => e.type === 'interrogation').map((e) => e.at)),
    lastAlarm: lastAlarm ? { at: lastAlarm.at, type: lastAlarm.type as PumpAlarmType } : null,
    stoppedAt: lastStop && !restarts.some((r) => r > lastStop) ? lastStop : null,
  };
}

function openFindings(c: SafetyCase, p: Pump, now: Date): RiskFinding[] {
  const state = riskState(c, p, now);
  // The refill-by date the API stores: the projection's (alarm date − lead, or fill + stability).
  const alarmDate = toLocalDate(state.alarmAt, SAFETY_CLINIC.timeZone);
  const fillDate = toLocalDate(state.lastFillAt, SAFETY_CLINIC.timeZone);
  const plus = (d: string, n: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
  const byAlarm = plus(alarmDate, -SAFETY_CLINIC.refillLeadDays);
  const byStability = plus(fillDate, SAFETY_CLINIC.maxDrugDaysInPump);
  state.refillBy = byAlarm < byStability ? byAlarm : byStability;
  return evaluateRiskRules(state, SAFETY_CLINIC, now).filter(
    (f) =>
      !(
        MANUALLY_RESOLVED_RULES.includes(f.code) &&
        p.resolved.some((r) => r.code === f.code && r.fillId === state.lastFillId)
      ),
  );
}

describe("issue 11's hand-worked cases through libs/domain", () => {
  it.each(SAFETY_CASES.map((c) => [`${c.item}. ${c.name}`, c] as const))('%s', (_name, c) => {
    const p = newPump(c);
    for (const action of c.history) {
      const at = new Date('at' in action ? action.at : action.bookedAt);
      expect(apply(c, p, action, 'specialist', true, at)).toMatchObject({ recorded: true });
    }
    const now = new Date(c.now);
    const outcome = apply(c, p, c.act, c.act.by, c.act.overrideReason !== undefined, now);
    const e = c.expect;
    expect(outcome.recorded).toBe(e.outcome === 'recorded');
    if (!outcome.recorded) {
      expect(outcome.field).toBe(e.refusedField);
      if (e.limitCode) expect(outcome.limitCode).toBe(e.limitCode);
    }
    const a = outcome.assessment;
    if (e.residualFoundMl !== undefined) expect(a?.residualFoundMl).toBe(e.residualFoundMl);
    if (e.expectedResidualMl !== undefined) expect(a?.comparison.expectedResidualMl).toBe(e.expectedResidualMl);
    if (e.discrepancyMl !== undefined) expect(a?.comparison.discrepancyMl).toBe(e.discrepancyMl);
    if (e.deliveryErrorPct !== undefined) expect(a?.comparison.deliveryErrorPct).toBe(e.deliveryErrorPct);
    if (e.mixedConcentrationMcgPerMl !== undefined)
      expect(a?.mix?.mixedConcentrationMcgPerMl).toBe(e.mixedConcentrationMcgPerMl);
    if (e.realDailyDoseMcg !== undefined) expect(a?.mix?.realDailyDoseMcg).toBe(e.realDailyDoseMcg);
    if (e.hoursWithoutDrug !== undefined) expect(a?.withoutDrug?.hoursWithoutDrug).toBe(e.hoursWithoutDrug);
    if (e.alarmAt !== undefined) expect(a?.projection.alarmAt.toISOString()).toBe(e.alarmAt);
    if (e.manualFlags) expect(p.manual).toEqual(e.manualFlags);
    if (e.ageBand !== undefined) {
      expect(ageBandOn(c.birthDate, toLocalDate(now, SAFETY_CLINIC.timeZone))).toBe(e.ageBand);
    }
    if (e.openFlags) {
      const open = openFindings(c, p, now).map((f) => ({ code: f.code, severity: f.severity }));
      expect(open.sort((x, y) => x.code.localeCompare(y.code))).toEqual(
        [...e.openFlags].sort((x, y) => x.code.localeCompare(y.code)),
      );
    }
  });

  it('covers every numbered item of issue 11 (the card itself has its own tests, page and PDF)', () => {
    expect([...new Set(SAFETY_CASES.map((c) => c.item))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it('puts a bridge or priming bolus 1 s after the refill', () => {
    expect(BOLUS_AFTER_REFILL_MS).toBe(1000);
  });
});
