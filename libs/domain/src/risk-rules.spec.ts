import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from './reservoir.js';
import {
  evaluateRiskRules,
  isBookingMissed,
  isSchedulingRule,
  type PUMP_ALARM_TYPES,
  isResidualDiscrepant,
  type PumpRiskState,
  replacementDueOn,
  type RiskRuleCode,
  type RiskSettings,
} from './risk-rules.js';

const LONDON: RiskSettings = { timeZone: 'Europe/London', dueSoonWindowDays: 14, maxDrugDaysInPump: 180 };
const CHICAGO: RiskSettings = { ...LONDON, timeZone: 'America/Chicago' };

// DESIGN.md's worked example filled 2026-09-01 10:00Z: alarm + 90 d, empty + 100 d, refill-by alarm date − 5.
const FILL_AT = new Date('2026-09-01T10:00:00Z');
const ALARM_AT = new Date('2026-11-30T10:00:00Z');
const EMPTY_AT = new Date('2026-12-10T10:00:00Z');
const MS = 1;

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
    nextRefillAppointmentAt: new Date('2026-11-20T10:00:00Z'),
    lastMissedRefillAt: null,
    lastMriAt: null,
    lastInterrogationAt: null,
    lastAlarm: null,
    stoppedAt: null,
    ...overrides,
  };
}

const codesAt = (s: PumpRiskState, now: Date, settings = LONDON): RiskRuleCode[] =>
  evaluateRiskRules(s, settings, now).map((f) => f.code);
const finding = (s: PumpRiskState, now: Date, code: RiskRuleCode, settings = LONDON) =>
  evaluateRiskRules(s, settings, now).find((f) => f.code === code);
const before = (instant: Date, ms = MS) => new Date(instant.getTime() - ms);
const daysAfter = (instant: Date, days: number) => new Date(instant.getTime() + days * MS_PER_DAY);

describe('evaluateRiskRules', () => {
  it('raises nothing for a comfortable pump with a refill booked before the alarm', () => {
    expect(codesAt(state(), new Date('2026-10-01T10:00:00Z'))).toEqual([]);
  });

  describe('REFILL_OVERDUE and RESERVOIR_EMPTY, at their instants', () => {
    // Empty supersedes overdue: one scheduling flag per pump.
    it.each([
      { name: '1 ms before the alarm', now: before(ALARM_AT), overdue: false, empty: false },
      { name: 'at the alarm instant', now: ALARM_AT, overdue: true, empty: false },
      { name: '1 ms before empty', now: before(EMPTY_AT), overdue: true, empty: false },
      { name: 'at the empty instant', now: EMPTY_AT, overdue: false, empty: true },
    ])('$name', ({ now, overdue, empty }) => {
      const codes = codesAt(state(), now);
      expect(codes.includes('REFILL_OVERDUE')).toBe(overdue);
      expect(codes.includes('RESERVOIR_EMPTY')).toBe(empty);
    });

    it('states the alarm in the clinic’s wall-clock time (how long ago is added at reading), critical first', () => {
      const flags = evaluateRiskRules(state({ nextRefillAppointmentAt: null }), LONDON, daysAfter(ALARM_AT, 3));
      expect(flags[0]).toMatchObject({
        code: 'REFILL_OVERDUE',
        severity: 'critical',
        summary: 'Low-reservoir alarm at 30 Nov 2026, 10:00 GMT; empty at 10 Dec 2026, 10:00 GMT; no refill booked',
        facts: { alarmAt: '2026-11-30T10:00:00.000Z', emptyAt: '2026-12-10T10:00:00.000Z', appointmentAt: 'none' },
      });
      expect(
        finding(state({ nextRefillAppointmentAt: null }), daysAfter(ALARM_AT, 3), 'REFILL_OVERDUE', CHICAGO)?.summary,
      ).toBe('Low-reservoir alarm at 30 Nov 2026, 04:00 CST; empty at 10 Dec 2026, 04:00 CST; no refill booked');
    });
  });

  describe('REFILL_DUE_UNSCHEDULED: refill-by within the window and no refill booked', () => {
    const unscheduled = state({ nextRefillAppointmentAt: null });
    it.each([
      // refill-by 2026-11-25; window 14 days → from 2026-11-11 (London date).
      { name: '15 days before refill-by', now: '2026-11-10T12:00:00Z', raised: false },
      { name: '14 days before refill-by', now: '2026-11-11T00:00:00Z', raised: true },
      { name: 'past refill-by', now: '2026-11-27T12:00:00Z', raised: true },
    ])('$name', ({ now, raised }) => {
      expect(codesAt(unscheduled, new Date(now)).includes('REFILL_DUE_UNSCHEDULED')).toBe(raised);
    });

    it('takes the window start from the clinic’s date, not UTC’s (London is UTC+1 until 25 October)', () => {
      const s = state({ nextRefillAppointmentAt: null, refillBy: '2026-11-08' }); // window from 2026-10-25
      expect(codesAt(s, new Date('2026-10-24T22:59:59Z'))).not.toContain('REFILL_DUE_UNSCHEDULED'); // 23:59 BST 24th
      expect(codesAt(s, new Date('2026-10-24T23:00:00Z'))).toContain('REFILL_DUE_UNSCHEDULED'); // 00:00 BST 25th
    });

    it('gives way to APPOINTMENT_AFTER_ALARM when the booking is after the alarm', () => {
      const dayAfter = state({ nextRefillAppointmentAt: new Date('2026-12-01T09:00:00Z') });
      expect(codesAt(dayAfter, new Date('2026-11-20T09:00:00Z'))).toEqual(['APPOINTMENT_AFTER_ALARM']);
    });
  });

  it.each([
    { name: 'at the alarm instant', appointment: ALARM_AT, raised: false },
    { name: '1 ms after the alarm', appointment: new Date(ALARM_AT.getTime() + MS), raised: true },
  ])('APPOINTMENT_AFTER_ALARM: booked $name', ({ appointment, raised }) => {
    const codes = codesAt(state({ nextRefillAppointmentAt: appointment }), new Date('2026-11-01T09:00:00Z'));
    expect(codes.includes('APPOINTMENT_AFTER_ALARM')).toBe(raised);
  });

  // Fill 2026-09-01 (London date) + 180 days = 2027-02-28: the flag holds from that clinic date, the
  // same date the queue shows as refill-by, not from the fill's hour 180 × 24 h later.
  it.each([
    { name: 'at 23:59 the day before the limit date', now: new Date('2027-02-27T23:59:59Z'), raised: false },
    { name: 'at 00:00 on the limit date', now: new Date('2027-02-28T00:00:00Z'), raised: true },
    { name: 'at 09:00 on the limit date (before the fill hour)', now: new Date('2027-02-28T09:00:00Z'), raised: true },
  ])('DRUG_STABILITY_EXCEEDED $name', ({ now, raised }) => {
    // A low dose keeps the alarm far away, so only stability speaks.
    const s = state({ alarmAt: daysAfter(FILL_AT, 240), emptyAt: daysAfter(FILL_AT, 266), refillBy: '2027-02-28' });
    expect(codesAt(s, now).includes('DRUG_STABILITY_EXCEEDED')).toBe(raised);
    if (raised) expect(finding(s, now, 'DRUG_STABILITY_EXCEEDED')?.facts.limitOn).toBe('2027-02-28');
  });

  describe('RESIDUAL_DISCREPANCY: delivery error past 14.5 % and discrepancy ≥ 1.0 mL', () => {
    it.each([
      { deliveryErrorPct: 14.5, discrepancyMl: 2.0, raised: false },
      { deliveryErrorPct: 14.6, discrepancyMl: 2.0, raised: true },
      { deliveryErrorPct: -14.6, discrepancyMl: -2.0, raised: true },
      { deliveryErrorPct: 30, discrepancyMl: 0.99, raised: false },
      { deliveryErrorPct: 30, discrepancyMl: 1.0, raised: true },
      { deliveryErrorPct: null, discrepancyMl: 5, raised: false },
    ])('error $deliveryErrorPct %, discrepancy $discrepancyMl mL → $raised', ({ raised, ...comparison }) => {
      expect(isResidualDiscrepant(comparison)).toBe(raised);
      const codes = codesAt(state({ lastRefill: comparison }), new Date('2026-10-01T10:00:00Z'));
      expect(codes.includes('RESIDUAL_DISCREPANCY')).toBe(raised);
    });

    it('ignores the first fill, which has no residual', () => {
      expect(codesAt(state({ lastRefill: null }), new Date('2026-10-01T10:00:00Z'))).toEqual([]);
    });
  });

  it.each([
    { name: 'a missed refill after the last fill', missed: new Date('2026-11-20T10:00:00Z'), raised: true },
    { name: 'a missed refill before the last fill', missed: before(FILL_AT), raised: false },
  ])('MISSED_REFILL_APPOINTMENT: $name', ({ missed, raised }) => {
    const s = state({ lastMissedRefillAt: missed, nextRefillAppointmentAt: null });
    const codes = codesAt(s, new Date('2026-11-21T10:00:00Z'));
    expect(codes.includes('MISSED_REFILL_APPOINTMENT')).toBe(raised);
  });

  it.each([
    { name: 'an MRI and no interrogation', interrogation: null, raised: true },
    { name: 'an interrogation at the MRI instant', interrogation: new Date('2026-10-01T10:00:00Z'), raised: true },
    { name: 'an interrogation 1 ms after', interrogation: new Date('2026-10-01T10:00:00.001Z'), raised: false },
  ])('POST_MRI_CHECK_PENDING: $name', ({ interrogation, raised }) => {
    const s = state({ lastMriAt: new Date('2026-10-01T10:00:00Z'), lastInterrogationAt: interrogation });
    expect(codesAt(s, new Date('2026-10-02T10:00:00Z')).includes('POST_MRI_CHECK_PENDING')).toBe(raised);
  });

  describe('PUMP_REPLACEMENT_DUE: 180 days moderate, 90 high, passed critical', () => {
    it.each([
      { today: '2027-01-30', severity: undefined }, // 181 days before 2027-07-30
      { today: '2027-01-31', severity: 'moderate' }, // 180 days
      { today: '2027-04-30', severity: 'moderate' }, // 91 days
      { today: '2027-05-01', severity: 'high' }, // 90 days
      { today: '2027-07-29', severity: 'high' }, // 1 day
      { today: '2027-07-30', severity: 'critical' }, // the ERI date itself
    ])('ERI 2027-07-30, today $today → $severity', ({ today, severity }) => {
      const s = state({ eriDate: '2027-07-30', alarmAt: new Date('2028-01-01'), emptyAt: new Date('2028-02-01') });
      // Noon in London: the clinic's date is `today`.
      const flag = finding(s, new Date(`${today}T12:00:00Z`), 'PUMP_REPLACEMENT_DUE');
      expect(flag?.severity).toBe(severity);
    });

    it('counts days in the clinic’s zone across the spring change (Chicago, 2027-03-14)', () => {
      const s = state({ eriDate: '2027-09-10', alarmAt: new Date('2028-01-01'), emptyAt: new Date('2028-02-01') });
      // 2027-03-14 is 180 days before 2027-09-10. 05:59Z is still 13 March in Chicago (CST, UTC−6).
      expect(finding(s, new Date('2027-03-14T05:59:00Z'), 'PUMP_REPLACEMENT_DUE', CHICAGO)).toBeUndefined();
      expect(finding(s, new Date('2027-03-14T06:00:00Z'), 'PUMP_REPLACEMENT_DUE', CHICAGO)?.severity).toBe('moderate');
    });

    it('estimates ERI at the model’s shortest typical battery life when no ERI date is known', () => {
      // SynchroMed II: 5 years (CLINICAL.md "Battery"); Prometra II: 10.
      expect(replacementDueOn('synchromed_ii_20', '2020-03-15', null)).toBe('2025-03-15');
      expect(replacementDueOn('prometra_ii_40', '2020-03-15', null)).toBe('2030-03-15');
      expect(replacementDueOn('synchromed_ii_40', '2020-02-29', null)).toBe('2025-03-01');
      expect(replacementDueOn('other', '2020-03-15', null)).toBeNull();
      expect(replacementDueOn('other', '2020-03-15', '2026-01-01')).toBe('2026-01-01');
    });
  });

  it.each([
    { from: 500, to: 400, raised: false }, // exactly 20 %
    { from: 500, to: 399, raised: true },
    { from: null, to: 100, raised: false },
  ])('RAPID_DOSE_REDUCTION: $from → $to mcg/day within 72 h', ({ from, to, raised }) => {
    const s = state({ highestDoseLast72hMcg: from, currentDailyDoseMcg: to });
    expect(codesAt(s, new Date('2026-10-01T10:00:00Z')).includes('RAPID_DOSE_REDUCTION')).toBe(raised);
  });

  it('says an estimated ERI is an estimate and asks for an interrogation', () => {
    // Implanted 2022-05-01: SynchroMed II estimate 2027-05-01; on 2027-03-01 that is 61 days away → high.
    const s = state({ implantedOn: '2022-05-01', alarmAt: new Date('2028-01-01'), emptyAt: new Date('2028-02-01') });
    expect(finding(s, new Date('2027-03-01T12:00:00Z'), 'PUMP_REPLACEMENT_DUE')).toMatchObject({
      severity: 'high',
      summary:
        'Estimated ERI 1 May 2027 (5 years from implant, the shortest typical battery life; interrogate the pump to confirm), in 61 days: plan the replacement',
      facts: { source: 'estimate', daysLeft: 61 },
    });
    // A pump at 6.75 years (issue 11 item 8) is past its estimate: critical, not moderate.
    const old = state({ implantedOn: '2020-03-01', alarmAt: new Date('2028-01-01'), emptyAt: new Date('2028-02-01') });
    expect(finding(old, new Date('2026-12-01T12:00:00Z'), 'PUMP_REPLACEMENT_DUE')?.severity).toBe('critical');
  });

  it.each([
    { from: 400, to: 600, raised: false }, // +50 % exactly
    { from: 400, to: 601, raised: true }, // +50.25 %
    { from: null, to: 900, raised: false },
  ])('DOSE_ESCALATION: lowest $from in 30 days → $to mcg/day', ({ from, to, raised }) => {
    const s = state({ lowestDoseLast30dMcg: from, currentDailyDoseMcg: to });
    expect(finding(s, new Date('2026-10-01T10:00:00Z'), 'DOSE_ESCALATION')?.severity).toBe(
      raised ? 'moderate' : undefined,
    );
  });
});

describe('scheduling flags: at most one per pump, in DESIGN.md precedence', () => {
  const now = new Date('2026-11-21T10:00:00Z'); // alarm 11-30, empty 12-10, refill-by 11-25

  it.each([
    // [what, state, the one scheduling flag]
    [
      'a booking after the empty instant',
      { nextRefillAppointmentAt: new Date('2026-12-11T10:00:00Z') },
      'APPOINTMENT_AFTER_EMPTY',
    ],
    [
      'a booking between alarm and empty',
      { nextRefillAppointmentAt: new Date('2026-12-02T10:00:00Z') },
      'APPOINTMENT_AFTER_ALARM',
    ],
    [
      'a missed refill and a new booking after the alarm',
      {
        lastMissedRefillAt: new Date('2026-11-20T10:00:00Z'),
        nextRefillAppointmentAt: new Date('2026-12-02T10:00:00Z'),
      },
      'MISSED_REFILL_APPOINTMENT',
    ],
    [
      'a missed refill and no booking',
      { lastMissedRefillAt: new Date('2026-11-20T10:00:00Z'), nextRefillAppointmentAt: null },
      'MISSED_REFILL_APPOINTMENT',
    ],
    ['no booking within the window', { nextRefillAppointmentAt: null }, 'REFILL_DUE_UNSCHEDULED'],
  ] as const)('%s → %s', (_name, overrides, code) => {
    const codes = codesAt(state(overrides as Partial<PumpRiskState>), now).filter(isSchedulingRule);
    expect(codes).toEqual([code]);
  });

  it('an overdue pump booked after its empty instant carries only REFILL_OVERDUE', () => {
    const s = state({ nextRefillAppointmentAt: new Date('2026-12-11T10:00:00Z') });
    expect(codesAt(s, daysAfter(ALARM_AT, 1)).filter(isSchedulingRule)).toEqual(['REFILL_OVERDUE']);
  });

  it('flags a booking after the drug-stability limit when that comes before the alarm', () => {
    // Low dose: alarm at fill + 240 d; limit 2026-09-01 + 180 = 2027-02-28 (London). Booked 2027-03-01.
    const s = state({
      alarmAt: daysAfter(FILL_AT, 240),
      emptyAt: daysAfter(FILL_AT, 266),
      refillBy: '2027-02-28',
      nextRefillAppointmentAt: new Date('2027-03-01T10:00:00Z'),
    });
    expect(finding(s, new Date('2027-01-10T10:00:00Z'), 'APPOINTMENT_AFTER_ALARM')).toMatchObject({
      summary: 'Refill booked for 1 Mar 2027, 10:00 GMT, after the 180-day drug-stability limit (28 Feb 2027)',
    });
    const onTheDay = state({ ...s, nextRefillAppointmentAt: new Date('2027-02-28T10:00:00Z') });
    expect(codesAt(onTheDay, new Date('2027-01-10T10:00:00Z'))).not.toContain('APPOINTMENT_AFTER_ALARM');
  });

  it('property: never more than one scheduling flag, whatever the state and the hour', () => {
    const instant = fc.date({
      min: new Date('2026-08-01T00:00:00Z'),
      max: new Date('2027-04-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.record({
          alarmDays: fc.integer({ min: 1, max: 200 }),
          emptyExtraDays: fc.integer({ min: 0, max: 30 }),
          next: fc.option(instant),
          missed: fc.option(instant),
          now: instant,
          window: fc.integer({ min: 0, max: 60 }),
        }),
        ({ alarmDays, emptyExtraDays, next, missed, now, window }) => {
          const alarmAt = daysAfter(FILL_AT, alarmDays);
          const s = state({
            alarmAt,
            emptyAt: daysAfter(alarmAt, emptyExtraDays),
            refillBy: new Date(alarmAt.getTime() - 5 * MS_PER_DAY).toISOString().slice(0, 10),
            nextRefillAppointmentAt: next,
            lastMissedRefillAt: missed,
          });
          const codes = codesAt(s, now, { ...LONDON, dueSoonWindowDays: window }).filter(isSchedulingRule);
          return codes.length <= 1;
        },
      ),
      { seed: 6, numRuns: 500 },
    );
  });
});

describe('a booked refill is missed by itself', () => {
  const startsAt = new Date('2026-11-20T10:00:00Z'); // Friday 10:00 GMT
  it.each([
    { now: '2026-11-20T13:59:59Z', missed: false }, // 3 h 59 min after the start, same day
    { now: '2026-11-20T14:00:00Z', missed: true }, // 4 h after the start
    { now: '2026-11-21T00:00:00Z', missed: true }, // the clinic day is over
  ])('at $now: $missed', ({ now, missed }) => {
    expect(isBookingMissed(startsAt, new Date(now), 'Europe/London')).toBe(missed);
  });

  it('ends the clinic day in the clinic’s zone (Chicago 21:00 on the same local day is not over)', () => {
    // 21:00 CST on 19 Nov = 03:00Z on 20 Nov; booked 20:00 CST = 02:00Z: 1 h later, same local day.
    expect(isBookingMissed(new Date('2026-11-20T02:00:00Z'), new Date('2026-11-20T03:00:00Z'), 'America/Chicago')).toBe(
      false,
    );
    // 00:00 CST on 20 Nov: the day is over.
    expect(isBookingMissed(new Date('2026-11-20T02:00:00Z'), new Date('2026-11-20T06:00:00Z'), 'America/Chicago')).toBe(
      true,
    );
  });
});

describe('PUMP_ALARM_RECORDED and PUMP_STOPPED', () => {
  const now = new Date('2026-10-10T10:00:00Z');
  const alarm = (type: (typeof PUMP_ALARM_TYPES)[number], at = '2026-10-05T10:00:00Z') => ({ type, at: new Date(at) });

  it.each([
    // Critical kinds are critical.
    { alarm: alarm('alarm_empty_reservoir'), severity: 'critical' },
    { alarm: alarm('alarm_motor_stall'), severity: 'critical' },
    { alarm: alarm('alarm_end_of_service'), severity: 'critical' },
    { alarm: alarm('alarm_critical_memory'), severity: 'critical' },
    // Low reservoir on 10-05, projected alarm 11-30: 56 days early (> 7) → early emptying, critical.
    { alarm: alarm('alarm_low_reservoir'), severity: 'critical' },
    // Low reservoir 6 days before the projected alarm → high.
    { alarm: alarm('alarm_low_reservoir', '2026-11-24T10:00:00Z'), severity: 'high', now: '2026-11-24T12:00:00Z' },
    // Exactly 7 days before: not more than 7 → high.
    { alarm: alarm('alarm_low_reservoir', '2026-11-23T10:00:00Z'), severity: 'high', now: '2026-11-24T12:00:00Z' },
    { alarm: alarm('alarm_eri'), severity: 'high' },
  ] as const)('$alarm.type at $alarm.at → $severity', ({ alarm: a, severity, ...rest }) => {
    const at = 'now' in rest ? new Date(rest.now as string) : now;
    expect(finding(state({ lastAlarm: a }), at, 'PUMP_ALARM_RECORDED')?.severity).toBe(severity);
  });

  it('clears with an interrogation or a refill after the alarm', () => {
    const a = alarm('alarm_motor_stall');
    expect(
      finding(
        state({ lastAlarm: a, lastInterrogationAt: new Date('2026-10-06T10:00:00Z') }),
        now,
        'PUMP_ALARM_RECORDED',
      ),
    ).toBeUndefined();
    expect(
      finding(state({ lastAlarm: a, lastFillAt: new Date('2026-10-06T10:00:00Z') }), now, 'PUMP_ALARM_RECORDED'),
    ).toBeUndefined();
    expect(
      finding(
        state({ lastAlarm: a, lastInterrogationAt: new Date('2026-10-04T10:00:00Z') }),
        now,
        'PUMP_ALARM_RECORDED',
      ),
    ).toBeDefined();
  });

  it('raises PUMP_STOPPED, critical, while the pump has not been restarted', () => {
    const s = state({ stoppedAt: new Date('2026-10-09T10:00:00Z') });
    expect(finding(s, now, 'PUMP_STOPPED')).toMatchObject({
      severity: 'critical',
      summary: 'Pump recorded as stopped at 9 Oct 2026, 11:00 BST and not restarted: no drug is being delivered',
    });
    expect(finding(state(), now, 'PUMP_STOPPED')).toBeUndefined();
  });
});

describe('WITHDRAWAL_WATCH: 72 h after refilling a pump that ran dry', () => {
  // Empty since 2026-11-28 06:00Z, refilled 2026-11-30 09:00Z: 51 h without drug.
  const refilled = new Date('2026-11-30T09:00:00Z');
  const s = state({ lastFillAt: refilled, lastFillEmptySince: new Date('2026-11-28T06:00:00Z'), lastFillId: 'f-dry' });
  it.each([
    { now: '2026-11-30T09:00:00Z', raised: true },
    { now: '2026-12-03T08:59:59Z', raised: true }, // 71 h 59 min 59 s later
    { now: '2026-12-03T09:00:00Z', raised: false }, // 72 h later
  ])('at $now: $raised', ({ now, raised }) => {
    expect(finding(s, new Date(now), 'WITHDRAWAL_WATCH') !== undefined).toBe(raised);
  });

  it('says how long the patient was without drug and until when to watch', () => {
    expect(finding(s, refilled, 'WITHDRAWAL_WATCH')).toMatchObject({
      severity: 'high',
      summary:
        'Refilled at 30 Nov 2026, 09:00 GMT after 2 days 3 h without drug (empty since 28 Nov 2026, 06:00 GMT): watch for withdrawal until 3 Dec 2026, 09:00 GMT',
      facts: { fillId: 'f-dry', hoursWithoutDrug: 51 },
    });
  });

  it('is not raised after a normal refill', () => {
    expect(finding(state({ lastFillAt: refilled }), refilled, 'WITHDRAWAL_WATCH')).toBeUndefined();
  });
});
