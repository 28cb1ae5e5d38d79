import { describe, expect, it } from 'vitest';
import {
  type ClinicSchedule,
  compareResidual,
  type DrainInput,
  type FillState,
  instantAtVolume,
  MS_PER_DAY,
  project,
  refillByDate,
  volumeAt,
} from './reservoir.js';

const at = (iso: string) => new Date(iso);
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * MS_PER_DAY);

const FILL_AT = '2026-01-05T10:00:00Z'; // 10:00 GMT in London
const LONDON: ClinicSchedule = { timeZone: 'Europe/London', refillLeadDays: 5, maxDrugDaysInPump: 180 };
const CHICAGO: ClinicSchedule = { ...LONDON, timeZone: 'America/Chicago' };
const SYNCHROMED_ALARM_ML = 2.0;

/** DESIGN.md's worked example: 20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day. */
function workedFill(overrides: Partial<FillState> = {}): FillState {
  return {
    performedAt: at(FILL_AT),
    reservoirVolumeAfterMl: 20,
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 400,
    ...overrides,
  };
}

interface ProjectionCase {
  name: string;
  input: DrainInput;
  clinic: ClinicSchedule;
  alarmAt: string;
  emptyAt: string;
  refillBy: string;
  isRefillByStabilityCapped: boolean;
}

const projectionCases: ProjectionCase[] = [
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

describe('project', () => {
  it.each(projectionCases)('$name', ({ input, clinic, alarmAt, emptyAt, refillBy, isRefillByStabilityCapped }) => {
    const projection = project(input, SYNCHROMED_ALARM_ML, clinic, input.fill.performedAt);
    expect(projection.alarmAt.toISOString()).toBe(alarmAt);
    expect(projection.emptyAt.toISOString()).toBe(emptyAt);
    expect(projection.refillBy).toBe(refillBy);
    expect(projection.isRefillByStabilityCapped).toBe(isRefillByStabilityCapped);
  });

  it('reports the volume, rate and days to alarm as of now', () => {
    // Worked example on day 30: 20 − 30 × 0.2 = 14 mL; alarm on day 90 → 60 days away.
    const projection = project({ fill: workedFill() }, SYNCHROMED_ALARM_ML, LONDON, plusDays(FILL_AT, 30));
    expect(projection).toMatchObject({ volumeNowMl: 14, dailyVolumeMl: 0.2, daysToAlarm: 60 });
  });

  it('reports the rate of the dose in effect now, bolus allowance included', () => {
    // Day 35: 600 + 100 = 700 mcg/day / 2000 = 0.35 mL/day.
    const input: DrainInput = {
      fill: workedFill({ patientBolusMcgPerDay: 100 }),
      doseChanges: [{ effectiveAt: plusDays(FILL_AT, 30), newDailyDoseMcg: 600 }],
    };
    expect(project(input, SYNCHROMED_ALARM_ML, LONDON, plusDays(FILL_AT, 35)).dailyVolumeMl).toBe(0.35);
    expect(project(input, SYNCHROMED_ALARM_ML, LONDON, plusDays(FILL_AT, 29)).dailyVolumeMl).toBe(0.25);
  });

  it('counts days to alarm as negative once the alarm has passed', () => {
    // Alarm on day 90; on day 91 12:00 it passed 1.5 days ago → floor(−1.5) = −2.
    expect(project({ fill: workedFill() }, 2, LONDON, plusDays(FILL_AT, 91.5)).daysToAlarm).toBe(-2);
  });
});

describe('refillByDate', () => {
  it('is the stability date when it comes first, and the alarm date otherwise', () => {
    // Fill 01-05: stability 07-04. Alarm 07-09 → 07-04 by both: not capped (a tie is the alarm's).
    expect(refillByDate(at(FILL_AT), at('2026-07-09T10:00:00Z'), LONDON)).toEqual({
      refillBy: '2026-07-04',
      isStabilityCapped: false,
    });
    // Alarm 07-10 → 07-05 by alarm, later than 07-04: capped.
    expect(refillByDate(at(FILL_AT), at('2026-07-10T10:00:00Z'), LONDON)).toEqual({
      refillBy: '2026-07-04',
      isStabilityCapped: true,
    });
  });

  it('takes the stability date from the local date of the fill', () => {
    // Fill 2026-01-05 23:30 CST = 01-06 05:30Z: local date 01-05 → 01-05 + 180 = 07-04 (not 07-05).
    const { refillBy } = refillByDate(at('2026-01-06T05:30:00Z'), at('2027-01-01T12:00:00Z'), CHICAGO);
    expect(refillBy).toBe('2026-07-04');
  });
});

describe('volumeAt', () => {
  const withBolus: DrainInput = { fill: workedFill(), boluses: [{ at: plusDays(FILL_AT, 10), volumeMl: 1 }] };

  it.each([
    ['before the fill: the fill volume', { fill: workedFill() }, plusDays(FILL_AT, -1), 20],
    ['at the fill instant', { fill: workedFill() }, at(FILL_AT), 20],
    ['day 45: 20 − 45 × 0.2 = 11', { fill: workedFill() }, plusDays(FILL_AT, 45), 11],
    ['day 90: the alarm volume, 2', { fill: workedFill() }, plusDays(FILL_AT, 90), 2],
    ['day 100: empty', { fill: workedFill() }, plusDays(FILL_AT, 100), 0],
    ['day 150: clamped at 0, not −10', { fill: workedFill() }, plusDays(FILL_AT, 150), 0],
    ['just before a 1 mL bolus on day 10: 18', withBolus, new Date(plusDays(FILL_AT, 10).getTime() - 1), 18],
    ['from the bolus instant on: 18 − 1 = 17', withBolus, plusDays(FILL_AT, 10), 17],
    ['day 20 after the bolus: 20 − 4 − 1 = 15', withBolus, plusDays(FILL_AT, 20), 15],
  ])('%s', (_name, input, instant, expectedMl) => {
    expect(volumeAt(input, instant)).toBeCloseTo(expectedMl, 6);
  });

  it('clamps at 0 when a bolus takes more than is left', () => {
    const input: DrainInput = { fill: workedFill(), boluses: [{ at: plusDays(FILL_AT, 1), volumeMl: 25 }] };
    expect(volumeAt(input, plusDays(FILL_AT, 2))).toBe(0);
  });

  it('drains each dose segment at its own rate', () => {
    // 14 mL at day 30, then 0.3 mL/day: day 40 → 14 − 3 = 11.
    const input: DrainInput = {
      fill: workedFill(),
      doseChanges: [{ effectiveAt: plusDays(FILL_AT, 30), newDailyDoseMcg: 600 }],
    };
    expect(volumeAt(input, plusDays(FILL_AT, 30))).toBeCloseTo(14, 9);
    expect(volumeAt(input, plusDays(FILL_AT, 40))).toBeCloseTo(11, 9);
  });
});

describe('instantAtVolume', () => {
  it('is the fill instant when the fill is already at or below the target', () => {
    expect(instantAtVolume({ fill: workedFill({ reservoirVolumeAfterMl: 2 }) }, 2)).toEqual(at(FILL_AT));
  });

  it('is not moved by a dose change to the dose already in force', () => {
    // fast-check counterexample: before same-dose changes were merged, splitting the drain 1 ms after
    // the fill moved the alarm 1 ms earlier (floating-point rounding of the two partial drains).
    const fill = workedFill({
      reservoirVolumeAfterMl: 10.94,
      concentrationMcgPerMl: 1195,
      dailyDoseMcg: 401.7,
      patientBolusMcgPerDay: 110.3,
    });
    const split: DrainInput = {
      fill,
      doseChanges: [{ effectiveAt: new Date(fill.performedAt.getTime() + 1), newDailyDoseMcg: 401.7 }],
    };
    expect(instantAtVolume(split, 3.37)).toEqual(instantAtVolume({ fill }, 3.37));
  });

  it('is the bolus instant when a bolus crosses the target', () => {
    // Day 80: 4 mL left; a 3 mL bolus takes it to 1 mL, past the 2 mL alarm.
    const input: DrainInput = { fill: workedFill(), boluses: [{ at: plusDays(FILL_AT, 80), volumeMl: 3 }] };
    expect(instantAtVolume(input, 2)).toEqual(plusDays(FILL_AT, 80));
  });
});

describe('compareResidual', () => {
  // 500 / 2000 = 0.25 mL/day; refill on day 60 → expected 20 − 60 × 0.25 = 5.0 mL.
  const previous: DrainInput = { fill: workedFill({ dailyDoseMcg: 500 }) };
  const refillAt = plusDays(FILL_AT, 60);

  it.each([
    // 6.0 left: discrepancy +1.0 mL; delivered 14 instead of 15 → (14 − 15) / 15 × 100 = −6.7 %.
    [6.0, { expectedResidualMl: 5, discrepancyMl: 1, deliveryErrorPct: -6.7 }],
    // 3.5 left: −1.5 mL; delivered 16.5 instead of 15 → +10.0 % (over-infusion territory).
    [3.5, { expectedResidualMl: 5, discrepancyMl: -1.5, deliveryErrorPct: 10 }],
    // Exactly as expected.
    [5.0, { expectedResidualMl: 5, discrepancyMl: 0, deliveryErrorPct: 0 }],
  ])('actual residual %f mL', (actualMl, expected) => {
    expect(compareResidual(previous, refillAt, actualMl)).toEqual(expected);
  });

  it('uses the previous fill’s concentration, whatever the new fill holds', () => {
    // Worked example refilled on day 86: 20 − 86 × 0.2 = 2.8 mL expected.
    expect(compareResidual({ fill: workedFill() }, plusDays(FILL_AT, 86), 2.8).expectedResidualMl).toBe(2.8);
  });

  it('has no delivery error when nothing was expected to be delivered', () => {
    expect(compareResidual(previous, at(FILL_AT), 20).deliveryErrorPct).toBeNull();
  });
});
