import { describe, expect, it } from 'vitest';
import { describeHours } from './refill-checks.js';
import {
  flagTimePhrase,
  evaluateRiskRules,
  isBookingMissed,
  type PumpAlarmType,
  type PumpRiskState,
  type RiskRuleCode,
  type RiskSettings,
} from './risk-rules.js';

/**
 * The whole finding of each rule — severity, the sentence a clinician reads and the facts stored with
 * the flag — written out by hand. DESIGN.md's worked example: filled 2026-09-01 10:00Z (11:00 BST),
 * alarm 2026-11-30 10:00Z and empty 2026-12-10 10:00Z (10:00 GMT: London left summer time on 10-25),
 * refill-by 2026-11-25.
 */
const LONDON: RiskSettings = { timeZone: 'Europe/London', dueSoonWindowDays: 14, maxDrugDaysInPump: 180 };
const FILL_AT = new Date('2026-09-01T10:00:00Z');
const ALARM_AT = new Date('2026-11-30T10:00:00Z');
const EMPTY_AT = new Date('2026-12-10T10:00:00Z');
const SCHEDULING_FACTS = { alarmAt: '2026-11-30T10:00:00.000Z', emptyAt: '2026-12-10T10:00:00.000Z' };

function state(overrides: Partial<PumpRiskState> = {}): PumpRiskState {
  return {
    model: 'synchromed_ii_20',
    implantedOn: '2024-05-01',
    eriDate: null,
    alarmAt: ALARM_AT,
    emptyAt: EMPTY_AT,
    refillBy: '2026-11-25',
    lastFillId: 'fill-1',
    lastFillAt: FILL_AT,
    lastRefill: null,
    lastFillEmptySince: null,
    currentDailyDoseMcg: 400,
    highestDoseLast72hMcg: null,
    lowestDoseLast30dMcg: null,
    nextRefillAppointmentAt: null,
    lastMissedRefillAt: null,
    lastMriAt: null,
    lastInterrogationAt: null,
    lastAlarm: null,
    stoppedAt: null,
    ...overrides,
  };
}

const findingOf = (code: RiskRuleCode, s: PumpRiskState, now: string, settings = LONDON) =>
  evaluateRiskRules(s, settings, new Date(now)).find((f) => f.code === code) ?? null;
const codesAt = (s: PumpRiskState, now: string, settings = LONDON) =>
  evaluateRiskRules(s, settings, new Date(now)).map((f) => f.code);

describe('the scheduling findings, word for word', () => {
  it('RESERVOIR_EMPTY names the empty instant; the hours without drug are counted at reading: 27 h is "1 day 3 h"', () => {
    const found = findingOf('RESERVOIR_EMPTY', state(), '2026-12-11T13:00:00Z');
    expect(found).toEqual({
      code: 'RESERVOIR_EMPTY',
      severity: 'critical',
      summary: 'Reservoir projected empty since 10 Dec 2026, 10:00 GMT; no refill booked',
      facts: { ...SCHEDULING_FACTS, appointmentAt: 'none' },
    });
    expect(flagTimePhrase('RESERVOIR_EMPTY', found!.facts, new Date('2026-12-11T13:00:00Z'))).toBe(
      '1 day 3 h without drug',
    );
    // Read two days later, the same stored flag says so: nothing frozen at raising.
    expect(flagTimePhrase('RESERVOIR_EMPTY', found!.facts, new Date('2026-12-13T13:00:00Z'))).toBe(
      '3 days 3 h without drug',
    );
  });

  it.each([
    ['2026-11-30T12:00:00Z', 'alarm today'], // 2 h after the alarm
    ['2026-12-01T11:00:00Z', 'alarm 1 day ago'], // 25 h
    ['2026-12-02T09:59:00Z', 'alarm 1 day ago'], // 47 h 59 min: whole days only
    ['2026-12-02T10:00:00Z', 'alarm 2 days ago'],
  ])('REFILL_OVERDUE read at %s says "%s", and its summary names the booking', (now, phrase) => {
    const booked = state({ nextRefillAppointmentAt: new Date('2026-12-02T09:30:00Z') });
    const found = findingOf('REFILL_OVERDUE', booked, '2026-11-30T12:00:00Z');
    expect(found).toEqual({
      code: 'REFILL_OVERDUE',
      severity: 'critical',
      summary:
        'Low-reservoir alarm at 30 Nov 2026, 10:00 GMT; empty at 10 Dec 2026, 10:00 GMT; refill booked for 2 Dec 2026, 09:30 GMT',
      facts: { ...SCHEDULING_FACTS, appointmentAt: '2026-12-02T09:30:00.000Z' },
    });
    expect(flagTimePhrase('REFILL_OVERDUE', found!.facts, new Date(now))).toBe(phrase);
  });

  it('speaks from the very instant: at the alarm "alarm today", at the empty instant "0 h without drug"', () => {
    const facts = { alarmAt: '2026-11-30T10:00:00.000Z', emptyAt: '2026-12-10T10:00:00.000Z' };
    expect(flagTimePhrase('REFILL_OVERDUE', facts, new Date('2026-11-30T10:00:00Z'))).toBe('alarm today');
    expect(flagTimePhrase('RESERVOIR_EMPTY', facts, new Date('2026-12-10T10:00:00Z'))).toBe(
      `${describeHours(0)} without drug`,
    );
  });

  it('adds no time phrase to other rules, nor before the instant', () => {
    const facts = { alarmAt: '2026-11-30T10:00:00.000Z', emptyAt: '2026-12-10T10:00:00.000Z' };
    expect(flagTimePhrase('REFILL_OVERDUE', facts, new Date('2026-11-30T09:59:00Z'))).toBeNull();
    expect(flagTimePhrase('RESERVOIR_EMPTY', facts, new Date('2026-12-10T09:59:00Z'))).toBeNull();
    expect(flagTimePhrase('PUMP_STOPPED', facts, new Date('2026-12-20T00:00:00Z'))).toBeNull();
  });

  it('APPOINTMENT_AFTER_EMPTY holds only for a booking after the empty instant, not at it', () => {
    const atEmpty = state({ nextRefillAppointmentAt: EMPTY_AT });
    expect(codesAt(atEmpty, '2026-11-01T10:00:00Z')).toEqual(['APPOINTMENT_AFTER_ALARM']);
    const after = state({ nextRefillAppointmentAt: new Date('2026-12-10T10:01:00Z') });
    expect(findingOf('APPOINTMENT_AFTER_EMPTY', after, '2026-11-01T10:00:00Z')).toEqual({
      code: 'APPOINTMENT_AFTER_EMPTY',
      severity: 'critical',
      summary:
        'Refill booked for 10 Dec 2026, 10:01 GMT, after the reservoir is projected empty at 10 Dec 2026, 10:00 GMT',
      facts: { ...SCHEDULING_FACTS, appointmentAt: '2026-12-10T10:01:00.000Z' },
    });
  });

  it('MISSED_REFILL_APPOINTMENT counts a miss after the fill, not one at its instant', () => {
    expect(codesAt(state({ lastMissedRefillAt: FILL_AT }), '2026-09-05T10:00:00Z')).toEqual([]);
    const missed = state({ lastMissedRefillAt: new Date('2026-11-20T10:00:00Z') });
    expect(findingOf('MISSED_REFILL_APPOINTMENT', missed, '2026-11-21T10:00:00Z')).toEqual({
      code: 'MISSED_REFILL_APPOINTMENT',
      severity: 'high',
      summary:
        'Refill appointment at 20 Nov 2026, 10:00 GMT missed, no refill since; alarm at 30 Nov 2026, 10:00 GMT; no refill booked',
      facts: { ...SCHEDULING_FACTS, appointmentAt: 'none', missedAt: '2026-11-20T10:00:00.000Z' },
    });
  });

  it('APPOINTMENT_AFTER_ALARM names the alarm, with the stability limit 180 days after 2026-09-01 (2027-02-28)', () => {
    // Sep 1 + 29 = Sep 30, + 31 = Oct 31 (60), + 30 = Nov 30 (90), + 31 = Dec 31 (121), + 31 = Jan 31 (152), + 28 = Feb 28 (180).
    const late = state({ nextRefillAppointmentAt: new Date('2026-12-01T10:00:00Z') });
    expect(findingOf('APPOINTMENT_AFTER_ALARM', late, '2026-11-01T10:00:00Z')).toEqual({
      code: 'APPOINTMENT_AFTER_ALARM',
      severity: 'high',
      summary: 'Refill booked for 1 Dec 2026, 10:00 GMT, after the low-reservoir alarm at 30 Nov 2026, 10:00 GMT',
      facts: { ...SCHEDULING_FACTS, appointmentAt: '2026-12-01T10:00:00.000Z', stabilityLimitOn: '2027-02-28' },
    });
  });

  it('APPOINTMENT_AFTER_ALARM names the stability limit when only that is passed (60 days: 2026-10-31)', () => {
    const late = state({ nextRefillAppointmentAt: new Date('2026-11-02T10:00:00Z') });
    expect(
      findingOf('APPOINTMENT_AFTER_ALARM', late, '2026-10-15T10:00:00Z', { ...LONDON, maxDrugDaysInPump: 60 }),
    ).toEqual({
      code: 'APPOINTMENT_AFTER_ALARM',
      severity: 'high',
      summary: 'Refill booked for 2 Nov 2026, 10:00 GMT, after the 60-day drug-stability limit (31 Oct 2026)',
      facts: { ...SCHEDULING_FACTS, appointmentAt: '2026-11-02T10:00:00.000Z', stabilityLimitOn: '2026-10-31' },
    });
  });

  it('REFILL_DUE_UNSCHEDULED counts the days to the refill-by date, and a booking silences it', () => {
    // From 2026-11-15 to 2026-11-25: 10 days, inside the 14-day window.
    expect(findingOf('REFILL_DUE_UNSCHEDULED', state(), '2026-11-15T10:00:00Z')).toEqual({
      code: 'REFILL_DUE_UNSCHEDULED',
      severity: 'high',
      summary: 'Refill due by 25 Nov 2026 and no refill booked; alarm at 30 Nov 2026, 10:00 GMT',
      facts: { ...SCHEDULING_FACTS, appointmentAt: 'none', refillBy: '2026-11-25', daysToRefillBy: 10 },
    });
    const booked = state({ nextRefillAppointmentAt: new Date('2026-11-20T10:00:00Z') });
    expect(codesAt(booked, '2026-11-15T10:00:00Z')).toEqual([]);
  });

  it('a booking is missed once its clinic day is over, even under 4 h after its start', () => {
    // 22:00 GMT on 11-20, now 00:30 on 11-21: 2.5 h later, but the day is over.
    expect(isBookingMissed(new Date('2026-11-20T22:00:00Z'), new Date('2026-11-21T00:30:00Z'), 'Europe/London')).toBe(
      true,
    );
    expect(isBookingMissed(new Date('2026-11-20T20:00:00Z'), new Date('2026-11-20T23:30:00Z'), 'Europe/London')).toBe(
      false,
    );
  });
});

describe('the other findings, word for word', () => {
  const ALARM_WORDS: [PumpAlarmType, string, 'critical' | 'high'][] = [
    ['alarm_low_reservoir', 'Low-reservoir alarm', 'high'],
    ['alarm_eri', 'Replacement (ERI) alarm', 'high'],
    ['alarm_empty_reservoir', 'Empty-reservoir alarm', 'critical'],
    ['alarm_end_of_service', 'End-of-service alarm', 'critical'],
    ['alarm_motor_stall', 'Motor-stall alarm', 'critical'],
    ['alarm_critical_memory', 'Critical memory-error alarm', 'critical'],
    ['alarm_critical', 'Critical alarm', 'critical'],
  ];
  it.each(ALARM_WORDS)('PUMP_ALARM_RECORDED names %s as "%s" (%s)', (type, words, severity) => {
    // 5 days before the projected alarm: not early.
    const heard = state({ lastAlarm: { at: new Date('2026-11-25T08:00:00Z'), type } });
    expect(findingOf('PUMP_ALARM_RECORDED', heard, '2026-11-25T09:00:00Z')).toEqual({
      code: 'PUMP_ALARM_RECORDED',
      severity,
      summary: `${words} at 25 Nov 2026, 08:00 GMT; no interrogation or refill since`,
      facts: {
        alarmType: type,
        recordedAlarmAt: '2026-11-25T08:00:00.000Z',
        projectedAlarmAt: '2026-11-30T10:00:00.000Z',
      },
    });
  });

  it('PUMP_ALARM_RECORDED calls a low-reservoir alarm 29 days early critical, with the days', () => {
    const early = state({ lastAlarm: { at: new Date('2026-11-01T10:00:00Z'), type: 'alarm_low_reservoir' } });
    expect(findingOf('PUMP_ALARM_RECORDED', early, '2026-11-01T11:00:00Z')).toMatchObject({
      severity: 'critical',
      summary:
        'Low-reservoir alarm at 1 Nov 2026, 10:00 GMT, 29 days before the projected alarm: early emptying (over-infusion or pocket fill?); no interrogation or refill since',
    });
  });

  it('PUMP_ALARM_RECORDED ignores an alarm at the fill instant, and holds until an interrogation after it', () => {
    const atFill = state({ lastAlarm: { at: FILL_AT, type: 'alarm_motor_stall' } });
    expect(codesAt(atFill, '2026-09-02T10:00:00Z')).toEqual([]);
    const alarm = { at: new Date('2026-10-01T10:00:00Z'), type: 'alarm_motor_stall' as const };
    expect(codesAt(state({ lastAlarm: alarm, lastInterrogationAt: alarm.at }), '2026-10-02T10:00:00Z')).toEqual([
      'PUMP_ALARM_RECORDED',
    ]);
  });

  it('PUMP_STOPPED states the stop and stores its instant', () => {
    expect(
      findingOf('PUMP_STOPPED', state({ stoppedAt: new Date('2026-11-10T10:00:00Z') }), '2026-11-10T11:00:00Z'),
    ).toEqual({
      code: 'PUMP_STOPPED',
      severity: 'critical',
      summary: 'Pump recorded as stopped at 10 Nov 2026, 10:00 GMT and not restarted: no drug is being delivered',
      facts: { stoppedAt: '2026-11-10T10:00:00.000Z' },
    });
  });

  it('DRUG_STABILITY_EXCEEDED names the fill in summer time and the limit date', () => {
    expect(findingOf('DRUG_STABILITY_EXCEEDED', state(), '2027-02-28T12:00:00Z')).toEqual({
      code: 'DRUG_STABILITY_EXCEEDED',
      severity: 'high',
      summary: 'Drug in the pump since 1 Sept 2026, 11:00 BST: the 180-day stability limit is 28 Feb 2027',
      facts: { lastFillAt: '2026-09-01T10:00:00.000Z', limitOn: '2027-02-28', maxDrugDaysInPump: 180 },
    });
  });

  it.each([
    [3, -20, 'residual +3 mL off expected, delivery error -20 %'],
    [-1.5, 16.7, 'residual -1.5 mL off expected, delivery error 16.7 %'],
  ])('RESIDUAL_DISCREPANCY of %s mL signs it', (discrepancyMl, deliveryErrorPct, words) => {
    const s = state({ lastRefill: { discrepancyMl, deliveryErrorPct } });
    expect(findingOf('RESIDUAL_DISCREPANCY', s, '2026-09-02T10:00:00Z')).toEqual({
      code: 'RESIDUAL_DISCREPANCY',
      severity: 'high',
      summary: `Refill at 1 Sept 2026, 11:00 BST: ${words}`,
      facts: { fillId: 'fill-1', fillAt: '2026-09-01T10:00:00.000Z', discrepancyMl, deliveryErrorPct },
    });
  });

  it.each([
    ['prometra_ii_20', 'Prometra: the reservoir must have been emptied before the scan'],
    ['synchromed_ii_20', 'the rotor can stall'],
  ] as const)('POST_MRI_CHECK_PENDING for a %s says why', (model, why) => {
    const s = state({ model, lastMriAt: new Date('2026-11-10T10:00:00Z') });
    expect(findingOf('POST_MRI_CHECK_PENDING', s, '2026-11-10T12:00:00Z')).toEqual({
      code: 'POST_MRI_CHECK_PENDING',
      severity: 'high',
      summary: `MRI at 10 Nov 2026, 10:00 GMT and no pump interrogation since (${why})`,
      facts: { mriAt: '2026-11-10T10:00:00.000Z' },
    });
  });

  it.each([
    ['2026-11-04T12:00:00Z', 'critical', -3, 'ERI date 1 Nov 2026 has passed: replace now'],
    ['2026-11-01T12:00:00Z', 'critical', 0, 'ERI date 1 Nov 2026 has passed: replace now'],
    ['2026-10-31T12:00:00Z', 'high', 1, 'ERI date 1 Nov 2026, in 1 day: plan the replacement'],
    ['2026-10-30T12:00:00Z', 'high', 2, 'ERI date 1 Nov 2026, in 2 days: plan the replacement'],
  ] as const)('PUMP_REPLACEMENT_DUE at %s is %s, %s days left', (now, severity, daysLeft, summary) => {
    expect(findingOf('PUMP_REPLACEMENT_DUE', state({ eriDate: '2026-11-01' }), now)).toEqual({
      code: 'PUMP_REPLACEMENT_DUE',
      severity,
      summary,
      facts: { dueOn: '2026-11-01', daysLeft, source: 'eri' },
    });
  });

  it('PUMP_REPLACEMENT_DUE from the estimate says where the date comes from', () => {
    // SynchroMed: 5 years from the 2021-12-01 implant is 2026-12-01, 16 days after 2026-11-15.
    const s = state({ implantedOn: '2021-12-01' });
    expect(findingOf('PUMP_REPLACEMENT_DUE', s, '2026-11-15T12:00:00Z')).toEqual({
      code: 'PUMP_REPLACEMENT_DUE',
      severity: 'high',
      summary:
        'Estimated ERI 1 Dec 2026 (5 years from implant, the shortest typical battery life; interrogate the pump to confirm), in 16 days: plan the replacement',
      facts: { dueOn: '2026-12-01', daysLeft: 16, source: 'estimate' },
    });
  });

  it('RAPID_DOSE_REDUCTION and DOSE_ESCALATION state the doses and the change', () => {
    const fell = state({ highestDoseLast72hMcg: 500, currentDailyDoseMcg: 380 });
    // (500 − 380) / 500 = 24 %.
    expect(findingOf('RAPID_DOSE_REDUCTION', fell, '2026-10-01T10:00:00Z')).toEqual({
      code: 'RAPID_DOSE_REDUCTION',
      severity: 'moderate',
      summary: 'Daily dose fell from 500 to 380 mcg/day (−24 %) within 72 h: watch for withdrawal',
      facts: { fromMcg: 500, toMcg: 380, fallPct: 24 },
    });
    const rose = state({ lowestDoseLast30dMcg: 400, currentDailyDoseMcg: 640 });
    // (640 − 400) / 400 = 60 %.
    expect(findingOf('DOSE_ESCALATION', rose, '2026-10-01T10:00:00Z')).toEqual({
      code: 'DOSE_ESCALATION',
      severity: 'moderate',
      summary: 'Daily dose rose from 400 to 640 mcg/day (+60 %) within 30 days: consider a catheter problem',
      facts: { fromMcg: 400, toMcg: 640, risePct: 60 },
    });
  });

  it('compares no dose with a zero one (a pump programmed to 0 mcg/day has no percentage)', () => {
    const zero = state({ highestDoseLast72hMcg: 0, lowestDoseLast30dMcg: 0, currentDailyDoseMcg: 0 });
    expect(codesAt(zero, '2026-10-01T10:00:00Z')).toEqual([]);
    const fromZero = state({ highestDoseLast72hMcg: 0, lowestDoseLast30dMcg: 0, currentDailyDoseMcg: 100 });
    expect(codesAt(fromZero, '2026-10-01T10:00:00Z')).toEqual([]);
  });

  it('orders the findings most severe first, whatever the rule order', () => {
    // Due and unbooked (high), stopped (critical), a 24 % fall (moderate).
    const s = state({
      stoppedAt: new Date('2026-11-10T10:00:00Z'),
      highestDoseLast72hMcg: 500,
      currentDailyDoseMcg: 380,
    });
    expect(codesAt(s, '2026-11-15T10:00:00Z')).toEqual([
      'PUMP_STOPPED',
      'REFILL_DUE_UNSCHEDULED',
      'RAPID_DOSE_REDUCTION',
    ]);
  });
});
