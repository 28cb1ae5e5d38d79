import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from './reservoir.js';
import {
  evaluateRiskRules,
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
    lastFillAt: FILL_AT,
    lastRefill: null,
    currentDailyDoseMcg: 400,
    highestDoseLast48hMcg: null,
    nextRefillAppointmentAt: new Date('2026-11-20T10:00:00Z'),
    lastNoShowRefillAt: null,
    lastMriAt: null,
    lastInterrogationAt: null,
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
    it.each([
      { name: '1 ms before the alarm', now: before(ALARM_AT), overdue: false, empty: false },
      { name: 'at the alarm instant', now: ALARM_AT, overdue: true, empty: false },
      { name: '1 ms before empty', now: before(EMPTY_AT), overdue: true, empty: false },
      { name: 'at the empty instant', now: EMPTY_AT, overdue: true, empty: true },
    ])('$name', ({ now, overdue, empty }) => {
      const codes = codesAt(state(), now);
      expect(codes.includes('REFILL_OVERDUE')).toBe(overdue);
      expect(codes.includes('RESERVOIR_EMPTY')).toBe(empty);
    });

    it('states the alarm in the clinic’s wall-clock time and how long ago, critical first', () => {
      const flags = evaluateRiskRules(state(), LONDON, daysAfter(ALARM_AT, 3));
      expect(flags[0]).toMatchObject({
        code: 'REFILL_OVERDUE',
        severity: 'critical',
        summary: 'Low-reservoir alarm at 2026-11-30 10:00 GMT, 3 days ago',
        facts: { alarmAt: '2026-11-30T10:00:00.000Z' },
      });
      expect(finding(state(), daysAfter(ALARM_AT, 3), 'REFILL_OVERDUE', CHICAGO)?.summary).toBe(
        'Low-reservoir alarm at 2026-11-30 04:00 CST, 3 days ago',
      );
    });
  });

  describe('REFILL_DUE_UNSCHEDULED: refill-by within the window and no refill booked by the alarm date', () => {
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

    it('is satisfied by a refill booked on the alarm date, even after the alarm hour', () => {
      const s = state({ nextRefillAppointmentAt: new Date('2026-11-30T16:00:00Z') });
      expect(codesAt(s, new Date('2026-11-20T09:00:00Z'))).not.toContain('REFILL_DUE_UNSCHEDULED');
      const dayAfter = state({ nextRefillAppointmentAt: new Date('2026-12-01T09:00:00Z') });
      expect(codesAt(dayAfter, new Date('2026-11-20T09:00:00Z'))).toContain('REFILL_DUE_UNSCHEDULED');
    });
  });

  it.each([
    { name: 'at the alarm instant', appointment: ALARM_AT, raised: false },
    { name: '1 ms after the alarm', appointment: new Date(ALARM_AT.getTime() + MS), raised: true },
  ])('APPOINTMENT_AFTER_ALARM: booked $name', ({ appointment, raised }) => {
    const codes = codesAt(state({ nextRefillAppointmentAt: appointment }), new Date('2026-11-01T09:00:00Z'));
    expect(codes.includes('APPOINTMENT_AFTER_ALARM')).toBe(raised);
  });

  it.each([
    { name: '1 ms before fill + 180 days', now: before(daysAfter(FILL_AT, 180)), raised: false },
    { name: 'at fill + 180 days', now: daysAfter(FILL_AT, 180), raised: true },
  ])('DRUG_STABILITY_EXCEEDED $name', ({ now, raised }) => {
    // A low dose keeps the alarm far away, so only stability speaks.
    const s = state({ alarmAt: daysAfter(FILL_AT, 240), emptyAt: daysAfter(FILL_AT, 266), refillBy: '2027-02-28' });
    expect(codesAt(s, now).includes('DRUG_STABILITY_EXCEEDED')).toBe(raised);
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
    { name: 'a no-show after the last fill', noShow: new Date('2026-11-20T10:00:00Z'), raised: true },
    { name: 'a no-show before the last fill', noShow: before(FILL_AT), raised: false },
  ])('MISSED_REFILL_APPOINTMENT: $name', ({ noShow, raised }) => {
    const codes = codesAt(state({ lastNoShowRefillAt: noShow }), new Date('2026-11-21T10:00:00Z'));
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

    it('estimates end of service from the model when no ERI date is known', () => {
      expect(replacementDueOn('synchromed_ii_20', '2020-03-15', null)).toBe('2027-03-15');
      expect(replacementDueOn('prometra_ii_40', '2020-03-15', null)).toBe('2030-03-15');
      expect(replacementDueOn('synchromed_ii_40', '2020-02-29', null)).toBe('2027-03-01');
      expect(replacementDueOn('other', '2020-03-15', null)).toBeNull();
      expect(replacementDueOn('other', '2020-03-15', '2026-01-01')).toBe('2026-01-01');
    });
  });

  it.each([
    { from: 500, to: 400, raised: false }, // exactly 20 %
    { from: 500, to: 399, raised: true },
    { from: null, to: 100, raised: false },
  ])('RAPID_DOSE_REDUCTION: $from → $to mcg/day within 48 h', ({ from, to, raised }) => {
    const s = state({ highestDoseLast48hMcg: from, currentDailyDoseMcg: to });
    expect(codesAt(s, new Date('2026-10-01T10:00:00Z')).includes('RAPID_DOSE_REDUCTION')).toBe(raised);
  });
});
