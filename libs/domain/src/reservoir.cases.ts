// Hand-worked projection cases: the domain's unit tests and the API's integration tests both run them.
import { type ClinicSchedule, type DrainInput, type FillState, MS_PER_DAY } from './reservoir.js';

export const at = (iso: string) => new Date(iso);
export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * MS_PER_DAY);

export const FILL_AT = '2026-01-05T10:00:00Z'; // 10:00 GMT in London
export const LONDON: ClinicSchedule = { timeZone: 'Europe/London', refillLeadDays: 5, maxDrugDaysInPump: 180 };
export const CHICAGO: ClinicSchedule = { ...LONDON, timeZone: 'America/Chicago' };
export const SYNCHROMED_ALARM_ML = 2.0;

/** DESIGN.md's worked example: 20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day. */
export function workedFill(overrides: Partial<FillState> = {}): FillState {
  return {
    performedAt: at(FILL_AT),
    reservoirVolumeAfterMl: 20,
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 400,
    ...overrides,
  };
}

export interface ProjectionCase {
  name: string;
  input: DrainInput;
  clinic: ClinicSchedule;
  alarmAt: string;
  emptyAt: string;
  refillBy: string;
  isRefillByStabilityCapped: boolean;
}

export const projectionCases: ProjectionCase[] = [
  {
    // 400 / 2000 = 0.2 mL/day. Alarm (20 − 2) / 0.2 = 90 d → 01-05 + 90 = 04-05 (26 + 28 + 31 + 5).
    // Empty 20 / 0.2 = 100 d → 04-15. Refill-by 04-05 − 5 = 03-31; stability 01-05 + 180 = 07-04.
    name: "DESIGN.md's worked example",
    input: { fill: workedFill() },
    clinic: LONDON,
    alarmAt: '2026-04-05T10:00:00.000Z',
    emptyAt: '2026-04-15T10:00:00.000Z',
    refillBy: '2026-03-31',
    isRefillByStabilityCapped: false,
  },
  {
    // Projected dose 400 + 100 bolus allowance = 500 mcg/day → 0.25 mL/day.
    // Alarm 18 / 0.25 = 72 d → 03-18. Empty 20 / 0.25 = 80 d → 03-26. Refill-by 03-18 − 5 = 03-13.
    name: 'the full patient bolus allowance is added to the dose',
    input: { fill: workedFill({ patientBolusMcgPerDay: 100 }) },
    clinic: LONDON,
    alarmAt: '2026-03-18T10:00:00.000Z',
    emptyAt: '2026-03-26T10:00:00.000Z',
    refillBy: '2026-03-13',
    isRefillByStabilityCapped: false,
  },
  {
    // 30 d at 0.2 mL/day drains 6 mL → 14 mL at 02-04. Then 600 mcg/day = 0.3 mL/day:
    // alarm (14 − 2) / 0.3 = 40 d → day 70 = 03-16; empty 14 / 0.3 = 46 d 16 h → day 76 16 h = 03-23 02:00.
    // The change dated before the fill is ignored; the list order does not matter.
    name: 'a dose change mid-interval drains piecewise',
    input: {
      fill: workedFill(),
      doseChanges: [
        { effectiveAt: plusDays(FILL_AT, 30), newDailyDoseMcg: 600 },
        { effectiveAt: plusDays(FILL_AT, -10), newDailyDoseMcg: 5000 },
      ],
    },
    clinic: LONDON,
    alarmAt: '2026-03-16T10:00:00.000Z',
    emptyAt: '2026-03-23T02:00:00.000Z',
    refillBy: '2026-03-11',
    isRefillByStabilityCapped: false,
  },
  {
    // 150 / 2000 = 0.075 mL/day. Alarm 18 / 0.075 = 240 d → 09-02; empty 20 / 0.075 = 266 d 16 h → 09-29 02:00.
    // By alarm 09-02 − 5 = 08-28, but the drug may stay only 180 d: 01-05 + 180 = 07-04, the earlier.
    name: 'a long interval is capped by drug stability',
    input: { fill: workedFill({ dailyDoseMcg: 150 }) },
    clinic: LONDON,
    alarmAt: '2026-09-02T10:00:00.000Z',
    emptyAt: '2026-09-29T02:00:00.000Z',
    refillBy: '2026-07-04',
    isRefillByStabilityCapped: true,
  },
  {
    // Refilled 04-01 with 20 mL of 1000 mcg/mL (was 2000), same 400 mcg/day → 0.4 mL/day, twice as fast.
    // Alarm 18 / 0.4 = 45 d → 05-16; empty 20 / 0.4 = 50 d → 05-21. Refill-by 05-16 − 5 = 05-11.
    name: 'a new concentration at refill sets the new rate',
    input: { fill: workedFill({ performedAt: at('2026-04-01T10:00:00Z'), concentrationMcgPerMl: 1000 }) },
    clinic: LONDON,
    alarmAt: '2026-05-16T10:00:00.000Z',
    emptyAt: '2026-05-21T10:00:00.000Z',
    refillBy: '2026-05-11',
    isRefillByStabilityCapped: false,
  },
  {
    // 1 mL bolus on day 10: 18 → 17 mL. Alarm 10 + (17 − 2) / 0.2 = 85 d → 03-31; empty 10 + 17 / 0.2 = 95 d → 04-10.
    // A bolus before the fill or at the fill instant belongs to the previous fill and is ignored.
    name: 'a one-off bolus brings the alarm and empty instants forward',
    input: {
      fill: workedFill(),
      boluses: [
        { at: plusDays(FILL_AT, 10), volumeMl: 1 },
        { at: plusDays(FILL_AT, -1), volumeMl: 5 },
        { at: at(FILL_AT), volumeMl: 5 },
      ],
    },
    clinic: LONDON,
    alarmAt: '2026-03-31T10:00:00.000Z',
    emptyAt: '2026-04-10T10:00:00.000Z',
    refillBy: '2026-03-26',
    isRefillByStabilityCapped: false,
  },
  // Time-zone edges: worked-example fills placed so the alarm (fill + 90 d exactly) lands near local midnight.
  {
    // Alarm 2026-03-10 00:30 CDT (UTC−5) = 05:30Z, two days after spring-forward (03-08). Local date 03-10 → 03-05.
    // Subtracting 5 × 24 h would give 03-05 05:30Z = 03-04 23:30 CST: a day early. Fill 12-10 + 90 d = 03-10.
    name: 'Chicago: alarm just after local midnight, after the DST change',
    input: { fill: workedFill({ performedAt: at('2025-12-10T05:30:00Z') }) },
    clinic: CHICAGO,
    alarmAt: '2026-03-10T05:30:00.000Z',
    emptyAt: '2026-03-20T05:30:00.000Z',
    refillBy: '2026-03-05',
    isRefillByStabilityCapped: false,
  },
  {
    // Alarm 2026-03-09 23:30 CDT = 03-10 04:30Z: the UTC date is 03-10, the clinic's date is 03-09 → 03-04.
    name: 'Chicago: alarm just before local midnight, after the DST change',
    input: { fill: workedFill({ performedAt: at('2025-12-10T04:30:00Z') }) },
    clinic: CHICAGO,
    alarmAt: '2026-03-10T04:30:00.000Z',
    emptyAt: '2026-03-20T04:30:00.000Z',
    refillBy: '2026-03-04',
    isRefillByStabilityCapped: false,
  },
  {
    // Alarm 2026-03-07 00:30 CST (UTC−6) = 06:30Z, the day before the change → 03-07 − 5 = 03-02.
    name: 'Chicago: alarm just after local midnight, before the DST change',
    input: { fill: workedFill({ performedAt: at('2025-12-07T06:30:00Z') }) },
    clinic: CHICAGO,
    alarmAt: '2026-03-07T06:30:00.000Z',
    emptyAt: '2026-03-17T06:30:00.000Z',
    refillBy: '2026-03-02',
    isRefillByStabilityCapped: false,
  },
  {
    // Alarm 2026-10-24 00:30 BST (UTC+1) = 10-23 23:30Z, the day before the clocks go back:
    // the UTC date is 10-23, the clinic's 10-24 → 10-19. Fill 07-25 23:30Z + 90 d (6 + 31 + 30 + 23).
    name: 'London: alarm just after local midnight, before the DST change',
    input: { fill: workedFill({ performedAt: at('2026-07-25T23:30:00Z') }) },
    clinic: LONDON,
    alarmAt: '2026-10-23T23:30:00.000Z',
    emptyAt: '2026-11-02T23:30:00.000Z',
    refillBy: '2026-10-19',
    isRefillByStabilityCapped: false,
  },
  {
    // Alarm 2026-10-25 00:30 BST = 10-24 23:30Z, on the change day (01:00Z) → 10-25 − 5 = 10-20.
    name: 'London: alarm just after local midnight on the DST change day',
    input: { fill: workedFill({ performedAt: at('2026-07-26T23:30:00Z') }) },
    clinic: LONDON,
    alarmAt: '2026-10-24T23:30:00.000Z',
    emptyAt: '2026-11-03T23:30:00.000Z',
    refillBy: '2026-10-20',
    isRefillByStabilityCapped: false,
  },
  {
    // Alarm 2026-10-26 00:30 GMT = 00:30Z, the day after the clocks went back → 10-21.
    name: 'London: alarm just after local midnight, after the DST change',
    input: { fill: workedFill({ performedAt: at('2026-07-28T00:30:00Z') }) },
    clinic: LONDON,
    alarmAt: '2026-10-26T00:30:00.000Z',
    emptyAt: '2026-11-05T00:30:00.000Z',
    refillBy: '2026-10-21',
    isRefillByStabilityCapped: false,
  },
];
