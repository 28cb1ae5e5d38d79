import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResidual, type DrainInput, instantAtVolume, MS_PER_DAY, roundTo, volumeAt } from './reservoir.js';

/** DESIGN.md's worked example: 20 mL of 2000 mcg/mL at 400 mcg/day drains 0.2 mL/day, alarm (2 mL) at day 90. */
const FILL_AT = new Date('2026-03-02T09:00:00Z');
const day = (days: number) => new Date(FILL_AT.getTime() + days * MS_PER_DAY);
const example = (extra: Partial<DrainInput> = {}): DrainInput => ({
  fill: { performedAt: FILL_AT, reservoirVolumeAfterMl: 20, concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
  ...extra,
});

describe('the fill instant: what happens at or before it belongs to the fill before', () => {
  it('ignores a bolus at the fill instant in volumeAt and instantAtVolume', () => {
    const withBolus = example({ boluses: [{ at: FILL_AT, volumeMl: 1 }] });
    // One day at 0.2 mL/day: 19.8 mL (a bolus counted at the fill would leave 18.8).
    expect(volumeAt(withBolus, day(1))).toBeCloseTo(19.8, 10);
    expect(instantAtVolume(withBolus, 2)).toEqual(day(90));
  });

  it('ignores a dose change at the fill instant: the fill programmed its own dose', () => {
    const withChange = example({ doseChanges: [{ effectiveAt: FILL_AT, newDailyDoseMcg: 800 }] });
    // 10 days at 0.2 mL/day: 18 mL (at 800 mcg/day it would be 16).
    expect(volumeAt(withChange, day(10))).toBeCloseTo(18, 10);
    expect(instantAtVolume(withChange, 2)).toEqual(day(90));
  });

  it('counts a later bolus only once it has happened', () => {
    const later = example({ boluses: [{ at: day(5), volumeMl: 1 }] });
    expect(volumeAt(later, day(1))).toBeCloseTo(19.8, 10);
    // At its instant: 20 − 5 × 0.2 − 1 = 18.
    expect(volumeAt(later, day(5))).toBeCloseTo(18, 10);
  });

  it('answers the fill instant for a fill already at or below the target volume', () => {
    const low = { fill: { ...example().fill, reservoirVolumeAfterMl: 1.5 } };
    expect(instantAtVolume(low, 2)).toEqual(FILL_AT);
  });

  it('compares a residual against the programme with a bolus at the refill counted, to 0.01 mL', () => {
    // 60 days at 0.2 mL/day leave 8.0 mL; a 0.25 mL bolus on day 30: 7.75 expected (not 7.8).
    const previous = example({ boluses: [{ at: day(30), volumeMl: 0.25 }] });
    expect(compareResidual(previous, day(60), 7.75)).toEqual({
      expectedResidualMl: 7.75,
      discrepancyMl: 0,
      deliveryErrorPct: 0,
    });
  });

  it('never reports −0', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe('property: doses and boluses at or before the fill change nothing', () => {
  const earlierArb = fc.integer({ min: -400 * MS_PER_DAY, max: 0 }).map((ms) => new Date(FILL_AT.getTime() + ms));
  it('leaves every volume and the alarm instant as without them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ effectiveAt: earlierArb, newDailyDoseMcg: fc.integer({ min: 1, max: 3000 }) }), {
          maxLength: 3,
        }),
        fc.array(fc.record({ at: earlierArb, volumeMl: fc.integer({ min: 1, max: 500 }).map((v) => v / 100) }), {
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 120 * MS_PER_DAY }),
        (doseChanges, boluses, offsetMs) => {
          const at = new Date(FILL_AT.getTime() + offsetMs);
          const noisy = example({ doseChanges, boluses });
          expect(volumeAt(noisy, at)).toBe(volumeAt(example(), at));
          expect(instantAtVolume(noisy, 2)).toEqual(instantAtVolume(example(), 2));
        },
      ),
      { seed: 17, numRuns: 200 },
    );
  });
});
