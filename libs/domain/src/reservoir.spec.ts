import { describe, expect, it } from 'vitest';
import { compareResidual, type DrainInput, instantAtVolume, project, refillByDate, volumeAt } from './reservoir.js';
import {
  at,
  CHICAGO,
  FILL_AT,
  LONDON,
  plusDays,
  projectionCases,
  SYNCHROMED_ALARM_ML,
  workedFill,
} from './reservoir.cases.js';

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
    // Fill 5 Jan 2026, 23:30 CST = 01-06 05:30Z: local date 01-05 → 01-05 + 180 = 07-04 (not 07-05).
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
