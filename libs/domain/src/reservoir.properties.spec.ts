import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareResidual,
  type DrainInput,
  type FillState,
  instantAtVolume,
  MS_PER_DAY,
  volumeAt,
} from './reservoir.js';

const BASE_MS = Date.parse('2026-01-01T00:00:00Z');
const MAX_DOSE_MCG = 3000;

/** Values on the grids the API accepts: volumes to 0.01 mL, doses to 0.1 mcg/day. */
const fillArb: fc.Arbitrary<FillState> = fc.record({
  performedAt: fc.integer({ min: 0, max: 3650 * MS_PER_DAY }).map((ms) => new Date(BASE_MS + ms)),
  reservoirVolumeAfterMl: fc.integer({ min: 50, max: 4000 }).map((v) => v / 100),
  concentrationMcgPerMl: fc.oneof(fc.constantFrom(50, 500, 1000, 2000), fc.integer({ min: 50, max: 4000 })),
  dailyDoseMcg: fc.integer({ min: 1, max: MAX_DOSE_MCG * 10 }).map((d) => d / 10),
  patientBolusMcgPerDay: fc.option(fc.integer({ min: 1, max: 5000 }).map((d) => d / 10)),
});

/** Milliseconds after the fill, up to 400 days. */
const offsetArb = fc.integer({ min: 1, max: 400 * MS_PER_DAY });
const after = (fill: FillState, offsetMs: number) => new Date(fill.performedAt.getTime() + offsetMs);

const drainArb = (withBoluses: boolean): fc.Arbitrary<DrainInput> =>
  fillArb.chain((fill) =>
    fc.record({
      fill: fc.constant(fill),
      doseChanges: fc.array(
        fc.record({
          effectiveAt: offsetArb.map((ms) => after(fill, ms)),
          newDailyDoseMcg: fc.integer({ min: 1, max: MAX_DOSE_MCG * 10 }).map((d) => d / 10),
        }),
        { maxLength: 4 },
      ),
      boluses: withBoluses
        ? fc.array(
            fc.record({
              at: offsetArb.map((ms) => after(fill, ms)),
              volumeMl: fc.integer({ min: 1, max: 500 }).map((v) => v / 100),
            }),
            { maxLength: 3 },
          )
        : fc.constant([]),
    }),
  );

/** The most a reservoir can drain in 1 ms under these generators: 1 ms of rounding in an instant. */
function mlPerMsBound(input: DrainInput): number {
  const doses = [input.fill.dailyDoseMcg, ...(input.doseChanges ?? []).map((c) => c.newDailyDoseMcg)];
  const doseMcg = Math.max(...doses) + (input.fill.patientBolusMcgPerDay ?? 0);
  return doseMcg / input.fill.concentrationMcgPerMl / MS_PER_DAY;
}

describe('reservoir properties', () => {
  it('never gains volume between fills', () => {
    fc.assert(
      fc.property(drainArb(true), offsetArb, offsetArb, (input, a, b) => {
        const [t1, t2] = [after(input.fill, Math.min(a, b) - MS_PER_DAY), after(input.fill, Math.max(a, b))];
        expect(volumeAt(input, t1)).toBeGreaterThanOrEqual(volumeAt(input, t2));
      }),
    );
  });

  it('never raises the alarm after the reservoir is empty', () => {
    fc.assert(
      fc.property(drainArb(true), fc.integer({ min: 0, max: 1000 }), (input, permille) => {
        const alarmMl = (input.fill.reservoirVolumeAfterMl * permille) / 1000;
        expect(instantAtVolume(input, alarmMl).getTime()).toBeLessThanOrEqual(instantAtVolume(input, 0).getTime());
      }),
    );
  });

  it('is unchanged by a dose change to the same dose', () => {
    fc.assert(
      fc.property(drainArb(true), offsetArb, fc.integer({ min: 0, max: 500 }), (input, splitMs, alarmCentiMl) => {
        // Splitting the segment that holds `splitMs` at its own dose must not move anything.
        const splitAt = after(input.fill, splitMs);
        const inForce = [...(input.doseChanges ?? [])]
          .filter((c) => c.effectiveAt <= splitAt)
          .sort((x, y) => x.effectiveAt.getTime() - y.effectiveAt.getTime())
          .at(-1);
        const split: DrainInput = {
          ...input,
          doseChanges: [
            ...(input.doseChanges ?? []),
            { effectiveAt: splitAt, newDailyDoseMcg: inForce?.newDailyDoseMcg ?? input.fill.dailyDoseMcg },
          ],
        };
        const alarmMl = alarmCentiMl / 100;
        expect(instantAtVolume(split, alarmMl)).toEqual(instantAtVolume(input, alarmMl));
        expect(instantAtVolume(split, 0)).toEqual(instantAtVolume(input, 0));
      }),
    );
  });

  it('doubles the days to alarm and to empty when the concentration doubles', () => {
    // One dose segment, no boluses: the drain rate halves, so every span doubles (to 1 ms of rounding).
    fc.assert(
      fc.property(fillArb, fc.integer({ min: 0, max: 1000 }), (fill, permille) => {
        const alarmMl = (fill.reservoirVolumeAfterMl * permille) / 1000;
        const doubled = { ...fill, concentrationMcgPerMl: fill.concentrationMcgPerMl * 2 };
        const spanMs = (input: DrainInput, ml: number) =>
          instantAtVolume(input, ml).getTime() - fill.performedAt.getTime();
        for (const ml of [alarmMl, 0]) {
          expect(Math.abs(spanMs({ fill: doubled }, ml) - 2 * spanMs({ fill }, ml))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('finds the instant at which the volume is the target', () => {
    fc.assert(
      fc.property(drainArb(false), fc.integer({ min: 0, max: 999 }), (input, permille) => {
        const targetMl = (input.fill.reservoirVolumeAfterMl * permille) / 1000;
        const reachedMl = volumeAt(input, instantAtVolume(input, targetMl));
        expect(Math.abs(reachedMl - targetMl)).toBeLessThanOrEqual(mlPerMsBound(input) + 1e-9);
      }),
    );
  });

  it('with boluses, reaches the target at that instant and not before', () => {
    // A bolus may jump past the target, so only "at or below, and above 1 ms earlier" holds.
    fc.assert(
      fc.property(drainArb(true), fc.integer({ min: 0, max: 999 }), (input, permille) => {
        const targetMl = (input.fill.reservoirVolumeAfterMl * permille) / 1000;
        const instant = instantAtVolume(input, targetMl);
        const toleranceMl = mlPerMsBound(input) + 1e-9;
        expect(volumeAt(input, instant)).toBeLessThanOrEqual(targetMl + toleranceMl);
        if (instant > input.fill.performedAt) {
          expect(volumeAt(input, new Date(instant.getTime() - 1))).toBeGreaterThan(targetMl - toleranceMl);
        }
      }),
    );
  });
});

describe('property: an unused bolus allowance never changes the expected residual', () => {
  // Issue 11 acceptance 2: the allowance is a worst case for the alarm, never an expectation.
  it('compareResidual gives the same numbers with any allowance or none', () => {
    fc.assert(
      fc.property(
        drainArb(true),
        offsetArb,
        fc.integer({ min: 0, max: 4000 }),
        fc.option(fc.integer({ min: 1, max: 5000 }).map((d) => d / 10)),
        (drain, offsetMs, foundCentiMl, allowance) => {
          const refillAt = after(drain.fill, offsetMs);
          const found = foundCentiMl / 100;
          const without = compareResidual(
            { ...drain, fill: { ...drain.fill, patientBolusMcgPerDay: null } },
            refillAt,
            found,
          );
          const withAllowance = compareResidual(
            { ...drain, fill: { ...drain.fill, patientBolusMcgPerDay: allowance } },
            refillAt,
            found,
          );
          expect(withAllowance).toEqual(without);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });
});
