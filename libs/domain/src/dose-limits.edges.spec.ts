import { describe, expect, it } from 'vitest';
import {
  checkDoseChange,
  checkDoseChangeInWindow,
  describeDoseCheck,
  describeWindowDoseCheck,
  doseInForceAt,
  programmedDoseAt,
} from './dose-limits.js';

const T0 = new Date('2026-05-04T08:00:00Z');
const hoursAfter = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('checkDoseChange refuses what is not a dose', () => {
  it('names the previous dose when it is not above 0', () => {
    expect(() =>
      checkDoseChange({ previousDailyDoseMcg: 0, newDailyDoseMcg: 100, spasticityOrigin: 'spinal' }),
    ).toThrow(new RangeError('previousDailyDoseMcg must be above 0'));
  });

  it.each([-1, Number.NaN])('names the new dose when it is %s', (newDailyDoseMcg) => {
    expect(() => checkDoseChange({ previousDailyDoseMcg: 400, newDailyDoseMcg, spasticityOrigin: 'spinal' })).toThrow(
      new RangeError('newDailyDoseMcg must be 0 or more'),
    );
  });

  it('takes a new dose of 0 (stopping the drug) as a 100 % decrease', () => {
    expect(
      checkDoseChange({ previousDailyDoseMcg: 400, newDailyDoseMcg: 0, spasticityOrigin: 'spinal' }),
    ).toMatchObject({ direction: 'decrease', changePct: -100, isWithinLimit: false, excessPct: 80 });
  });
});

describe('describeDoseCheck', () => {
  it('says so when the dose does not change', () => {
    const same = checkDoseChange({ previousDailyDoseMcg: 400, newDailyDoseMcg: 400, spasticityOrigin: 'spinal' });
    expect(describeDoseCheck(same, 'spinal')).toBe('No change of daily dose');
  });

  it("names children's limit for a child", () => {
    // +20 % against the children's 15 %: 5 % beyond.
    const check = checkDoseChange({
      previousDailyDoseMcg: 100,
      newDailyDoseMcg: 120,
      spasticityOrigin: 'spinal',
      isChild: true,
    });
    expect(describeDoseCheck(check, 'spinal', true)).toBe(
      'Increase of 20.0 % exceeds the 15 % limit for children by 5.0 %',
    );
  });
});

describe('programmedDoseAt', () => {
  const drain = {
    fill: { performedAt: T0, reservoirVolumeAfterMl: 20, concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
    // Given out of order; one at the fill instant itself, which the fill's own dose overrides.
    doseChanges: [
      { effectiveAt: hoursAfter(48), newDailyDoseMcg: 520 },
      { effectiveAt: T0, newDailyDoseMcg: 999 },
      { effectiveAt: hoursAfter(24), newDailyDoseMcg: 480 },
    ],
  };

  it.each([
    [0, 400],
    [23, 400],
    [24, 480],
    [47, 480],
    [48, 520],
    [100, 520],
  ])('%i h after the fill is %i mcg/day', (hours, dose) => {
    expect(programmedDoseAt(drain, hoursAfter(hours))).toBe(dose);
  });
});

describe('doseInForceAt', () => {
  it('takes the last step at or before the instant, in any order, the later of two at one instant', () => {
    const steps = [
      { at: hoursAfter(10), dailyDoseMcg: 500 },
      { at: T0, dailyDoseMcg: 400 },
      { at: hoursAfter(10), dailyDoseMcg: 450 },
    ];
    expect(doseInForceAt(steps, hoursAfter(9))).toBe(400);
    expect(doseInForceAt(steps, hoursAfter(10))).toBe(450);
    expect(doseInForceAt(steps, hoursAfter(-1))).toBeNull();
    // The later step wins even when an earlier one comes after it in the list.
    expect(doseInForceAt([steps[0]!, steps[1]!], hoursAfter(10))).toBe(500);
  });
});

describe('checkDoseChangeInWindow edges', () => {
  const window = (steps: { at: Date; dailyDoseMcg: number }[], newDailyDoseMcg: number, at: Date) =>
    checkDoseChangeInWindow({
      steps,
      firstFillAt: new Date(T0.getTime() - 30 * 86_400_000),
      newDailyDoseMcg,
      at,
      spasticityOrigin: 'spinal',
      isChild: false,
    });

  it('refuses a change with no dose before it', () => {
    expect(() => window([{ at: hoursAfter(1), dailyDoseMcg: 400 }], 420, T0)).toThrow(
      new RangeError('no programmed dose before the change'),
    );
  });

  it('leaves out a step at the instant of the change itself', () => {
    // A 1000 mcg/day step recorded at the same instant is not a dose in force before it: +20 % from 400.
    const result = window(
      [
        { at: T0, dailyDoseMcg: 400 },
        { at: hoursAfter(30), dailyDoseMcg: 1000 },
      ],
      480,
      hoursAfter(30),
    );
    expect(result).toMatchObject({ previousDailyDoseMcg: 400, highestInWindowMcg: 400, fromDailyDoseMcg: 400 });
    expect(result.check).toMatchObject({ direction: 'increase', changePct: 20, isWithinLimit: true });
  });

  it('answers "no change" for the dose already in force', () => {
    const result = window([{ at: T0, dailyDoseMcg: 400 }], 400, hoursAfter(30));
    expect(result.check).toMatchObject({ direction: 'none', isWithinLimit: true, limitCode: null });
  });

  it('allows an unchanged dose within 24 h of the implant, and refuses any increase then with its size', () => {
    const implant = (newDailyDoseMcg: number) =>
      checkDoseChangeInWindow({
        steps: [{ at: T0, dailyDoseMcg: 400 }],
        firstFillAt: T0,
        newDailyDoseMcg,
        at: hoursAfter(12),
        spasticityOrigin: 'spinal',
        isChild: false,
      });
    expect(implant(400).check).toMatchObject({ direction: 'none', isWithinLimit: true });
    // +10 % is within the spinal 30 %, but no increase is allowed in the first 24 h: 10 % beyond 0.
    expect(implant(440).check).toMatchObject({
      limitCode: 'NO_INCREASE_AFTER_IMPLANT',
      limitPct: 0,
      isWithinLimit: false,
      excessPct: 10,
    });
  });

  it('names the highest earlier dose a stacked decrease is measured from', () => {
    // 500 until 12 h ago, then 400 (−20 %); now 380: −5 % from 400 but −24 % from 500, beyond 20 % by 4 %.
    const result = window(
      [
        { at: hoursAfter(-100), dailyDoseMcg: 500 },
        { at: hoursAfter(-12), dailyDoseMcg: 400 },
      ],
      380,
      T0,
    );
    expect(result).toMatchObject({ fromDailyDoseMcg: 500, isAgainstEarlierDose: true });
    expect(result.check).toMatchObject({ limitCode: 'DECREASE_LIMIT', changePct: -24, excessPct: 4 });
    expect(describeWindowDoseCheck(result, 'spinal', false)).toBe(
      'Decrease of 24.0 % from 500 mcg/day (the highest dose in force in the 24 h before) exceeds the 20 % limit by 4.0 %',
    );
  });
});
