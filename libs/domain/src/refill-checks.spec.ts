import { describe, expect, it } from 'vitest';
import { concentrationMix, describeHours, entryCheck, withoutDrugAtRefill } from './refill-checks.js';

const FILL_AT = new Date('2026-03-02T09:00:00Z');
const hoursAfter = (instant: Date, hours: number) => new Date(instant.getTime() + hours * 3_600_000);

describe('concentrationMix', () => {
  const mix = (volumeAfterMl: number, newConcentrationMcgPerMl: number) =>
    concentrationMix({
      previousConcentrationMcgPerMl: 2000,
      newConcentrationMcgPerMl,
      volumeAddedMl: 18,
      volumeAfterMl,
      programmedDailyDoseMcg: 400,
    });

  it('is null when nothing was left, even with a new concentration', () => {
    expect(mix(18, 1000)).toBeNull();
  });

  it('is null when the concentration does not change, even with drug left', () => {
    expect(mix(20, 2000)).toBeNull();
  });

  it('mixes 2 mL left of 2000 with 18 mL of 1000 mcg/mL', () => {
    // (2 × 2000 + 18 × 1000) / 20 = 1100 mcg/mL; real dose 400 × 1100 / 1000 = 440 mcg/day.
    expect(mix(20, 1000)).toEqual({
      leftMl: 2,
      previousConcentrationMcgPerMl: 2000,
      addedMl: 18,
      newConcentrationMcgPerMl: 1000,
      mixedConcentrationMcgPerMl: 1100,
      realDailyDoseMcg: 440,
    });
  });
});

describe('withoutDrugAtRefill', () => {
  it('counts a refill at the very instant the pump empties as dry, 0 h without drug', () => {
    expect(withoutDrugAtRefill({ projectedEmptyAt: FILL_AT, emptyAlarmAt: null, refillAt: FILL_AT })).toEqual({
      emptySince: FILL_AT,
      hoursWithoutDrug: 0,
    });
  });

  it('takes the earlier of an empty alarm and the projected empty instant', () => {
    // Alarm heard at 03:00, projected empty at 07:00, refilled at 09:00: 6 h without drug.
    const alarm = hoursAfter(FILL_AT, -6);
    expect(
      withoutDrugAtRefill({ projectedEmptyAt: hoursAfter(FILL_AT, -2), emptyAlarmAt: alarm, refillAt: FILL_AT }),
    ).toEqual({ emptySince: alarm, hoursWithoutDrug: 6 });
  });

  it('is null before either instant', () => {
    expect(
      withoutDrugAtRefill({ projectedEmptyAt: hoursAfter(FILL_AT, 1), emptyAlarmAt: null, refillAt: FILL_AT }),
    ).toBeNull();
  });
});

describe('describeHours', () => {
  it.each([
    [0, '0 h'],
    [23, '23 h'],
    [24, '1 day'],
    [25, '1 day 1 h'],
    [48, '2 days'],
    [50, '2 days 2 h'],
  ])('%i h reads "%s"', (hours, words) => {
    expect(describeHours(hours)).toBe(words);
  });
});

describe('entryCheck', () => {
  // London is on GMT on 2026-03-02: the fill date is 2026-03-02.
  const check = (refillBy: string, alarmInDays: number, volumeAfterMl = 20) =>
    entryCheck({
      fillAt: FILL_AT,
      volumeAfterMl,
      alarmMl: 2,
      projection: { refillBy, alarmAt: new Date(FILL_AT.getTime() + alarmInDays * 86_400_000) },
      timeZone: 'Europe/London',
    });

  it.each([
    ['2026-03-02', 'The refill-by date 2 Mar 2026 is the fill date itself'],
    ['2026-03-01', 'The refill-by date 1 Mar 2026 is 1 day before the fill'],
    ['2026-02-27', 'The refill-by date 27 Feb 2026 is 3 days before the fill'],
  ])('a refill-by date of %s: "%s"', (refillBy, shortInterval) => {
    expect(check(refillBy, 90)).toEqual({ isAtOrBelowAlarm: false, shortInterval });
  });

  it('calls an alarm 13.5 days away short, and exactly 14 days not', () => {
    expect(check('2026-03-03', 13.5).shortInterval).toBe(
      'The low-reservoir alarm is only 13.5 days after the fill (under 14)',
    );
    expect(check('2026-03-03', 14).shortInterval).toBeNull();
  });

  it('refuses a fill that leaves the reservoir at the alarm volume, not above it', () => {
    expect(check('2026-05-26', 90, 2).isAtOrBelowAlarm).toBe(true);
    expect(check('2026-05-26', 90, 2.01).isAtOrBelowAlarm).toBe(false);
  });
});
