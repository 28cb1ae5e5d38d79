import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDoseChange,
  describeDoseCheck,
  describeDoseLevel,
  MAX_DECREASE_PCT,
  MAX_INCREASE_PCT_CEREBRAL,
  MAX_INCREASE_PCT_SPINAL,
  MAXIMUM_DAILY_DOSE_MCG,
  type SpasticityOrigin,
  WARNING_DAILY_DOSE_MCG,
} from './dose-limits.js';

describe('dose thresholds', () => {
  it('match CLINICAL.md "Dosing"', () => {
    expect([MAX_INCREASE_PCT_SPINAL, MAX_INCREASE_PCT_CEREBRAL, MAX_DECREASE_PCT]).toEqual([30, 15, 20]);
    expect([WARNING_DAILY_DOSE_MCG, MAXIMUM_DAILY_DOSE_MCG]).toEqual([1000, 3000]);
  });
});

describe('checkDoseChange', () => {
  it.each([
    // [origin, previous, new, changePct, within, excessPct, limitPct, limitCode]
    ['spinal', 1000, 1300, 30, true, 0, 30, null], // exactly 30 %: within
    ['spinal', 1000, 1301, 30.1, false, 0.1, 30, 'INCREASE_LIMIT_SPINAL'], // 301 / 1000 = 30.1 %
    ['spinal', 400, 560, 40, false, 10, 30, 'INCREASE_LIMIT_SPINAL'], // 160 / 400 = 40 %, 10 over
    ['spinal', 101, 131.3, 30, true, 0, 30, null], // 30.3 / 101 = 30 % exactly; in floats 30.00000000000001
    ['cerebral', 200, 230, 15, true, 0, 15, null], // 30 / 200 = 15 %
    ['cerebral', 106, 121.9, 15, true, 0, 15, null], // 15.9 / 106 = 15 % exactly; in floats 15.000000000000005
    ['cerebral', 200, 240, 20, false, 5, 15, 'INCREASE_LIMIT_CEREBRAL'], // 40 / 200 = 20 %, 5 over
    ['mixed', 200, 240, 20, false, 5, 15, 'INCREASE_LIMIT_CEREBRAL'], // mixed takes the cerebral limit
    ['mixed', 1000, 1150.1, 15, false, 0.1, 15, 'INCREASE_LIMIT_CEREBRAL'], // 15.01 %: shows 15.0, still beyond
    ['spinal', 1000, 800, -20, true, 0, 20, null], // −200 / 1000 = −20 %: within, whatever the origin
    ['cerebral', 101, 80.8, -20, true, 0, 20, null], // −20.2 / 101 = −20 % exactly
    ['spinal', 1000, 799, -20.1, false, 0.1, 20, 'DECREASE_LIMIT'], // −201 / 1000
    ['cerebral', 500, 350, -30, false, 10, 20, 'DECREASE_LIMIT'], // −150 / 500 = −30 %, 10 over
    ['spinal', 300, 301, 0.3, true, 0, 30, null], // 1 / 300 = 0.333 % → 0.3
    ['spinal', 300, 299, -0.3, true, 0, 20, null],
  ] as const)(
    '%s: %f → %f mcg/day is %f %',
    (
      spasticityOrigin,
      previousDailyDoseMcg,
      newDailyDoseMcg,
      changePct,
      isWithinLimit,
      excessPct,
      limitPct,
      limitCode,
    ) => {
      expect(checkDoseChange({ previousDailyDoseMcg, newDailyDoseMcg, spasticityOrigin })).toMatchObject({
        changePct,
        direction: changePct > 0 ? 'increase' : 'decrease',
        isWithinLimit,
        excessPct,
        limitPct,
        limitCode,
      });
    },
  );

  it('treats an unchanged dose as no change, with no limit', () => {
    expect(checkDoseChange({ previousDailyDoseMcg: 450, newDailyDoseMcg: 450, spasticityOrigin: 'spinal' })).toEqual({
      changePct: 0,
      direction: 'none',
      limitPct: null,
      isWithinLimit: true,
      excessPct: 0,
      limitCode: null,
      isAboveWarningDose: false,
      isAboveMaximumDose: false,
    });
  });

  it.each([
    [1000, false, false], // at 1,000 mcg/day: no warning yet
    [1000.1, true, false],
    [3000, true, false], // at 3,000: warned, not rejected
    [3000.1, true, true],
  ])('flags a new dose of %f mcg/day: warning %s, maximum %s', (newDailyDoseMcg, warning, maximum) => {
    const check = checkDoseChange({
      previousDailyDoseMcg: newDailyDoseMcg,
      newDailyDoseMcg,
      spasticityOrigin: 'spinal',
    });
    expect(check).toMatchObject({ isAboveWarningDose: warning, isAboveMaximumDose: maximum });
  });

  it('refuses a previous dose of 0, which has no percentage change', () => {
    expect(() =>
      checkDoseChange({ previousDailyDoseMcg: 0, newDailyDoseMcg: 100, spasticityOrigin: 'spinal' }),
    ).toThrow(RangeError);
  });

  it('agrees with exact integer arithmetic on the 0.1 mcg/day grid', () => {
    const tenths = fc.integer({ min: 1, max: 30_000 });
    const origins = fc.constantFrom<SpasticityOrigin>('spinal', 'cerebral', 'mixed');
    fc.assert(
      fc.property(tenths, tenths, origins, (previousTenths, newTenths, spasticityOrigin) => {
        const check = checkDoseChange({
          previousDailyDoseMcg: previousTenths / 10,
          newDailyDoseMcg: newTenths / 10,
          spasticityOrigin,
        });
        const limit = newTenths >= previousTenths ? (spasticityOrigin === 'spinal' ? 30 : 15) : 20;
        const isWithin =
          newTenths >= previousTenths
            ? newTenths * 100 <= previousTenths * (100 + limit)
            : newTenths * 100 >= previousTenths * (100 - limit);
        expect(check.isWithinLimit).toBe(isWithin);
        expect(check.excessPct === 0).toBe(isWithin);
        expect(check.limitCode === null).toBe(isWithin);
      }),
    );
  });
});

describe('describeDoseCheck', () => {
  const describeChange = (origin: SpasticityOrigin, previousDailyDoseMcg: number, newDailyDoseMcg: number) =>
    describeDoseCheck(checkDoseChange({ previousDailyDoseMcg, newDailyDoseMcg, spasticityOrigin: origin }), origin);

  it.each([
    ['spinal', 400, 560, 'Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %'],
    ['cerebral', 200, 240, 'Increase of 20.0 % exceeds the 15 % limit for cerebral-origin spasticity by 5.0 %'],
    ['mixed', 200, 240, 'Increase of 20.0 % exceeds the 15 % limit for mixed-origin spasticity by 5.0 %'],
    ['spinal', 500, 350, 'Decrease of 30.0 % exceeds the 20 % limit by 10.0 %'],
    ['spinal', 400, 480, 'Increase of 20.0 % is within the 30 % limit for spinal-origin spasticity'],
    ['cerebral', 500, 450, 'Decrease of 10.0 % is within the 20 % limit'],
    ['spinal', 500, 500, 'No change of daily dose'],
  ] as const)('%s %f → %f: "%s"', (origin, previous, next, message) => {
    expect(describeChange(origin, previous, next)).toBe(message);
  });
});

describe('describeDoseLevel', () => {
  const level = (newDailyDoseMcg: number) =>
    describeDoseLevel(checkDoseChange({ previousDailyDoseMcg: 500, newDailyDoseMcg, spasticityOrigin: 'spinal' }));

  it('warns above 1,000 mcg/day and calls above 3,000 an entry error', () => {
    expect(level(1000)).toBeNull();
    expect(level(1200)).toBe('Daily dose above 1,000 mcg/day: limited clinical experience at this dose');
    expect(level(3500)).toBe('Daily dose above the 3,000 mcg/day maximum: probably an entry error');
  });
});
