import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refillIntervalOptions } from './refill-interval.js';

const WORKED = {
  dailyDoseMcg: 400,
  patientBolusMcgPerDay: null,
  reservoirMl: 20,
  alarmMl: 2,
  maxDrugDaysInPump: 180,
};

describe('refillIntervalOptions (hand-worked)', () => {
  it("reaches DESIGN.md's 90 days at 2000 mcg/mL with a full 20 mL, and says 500 and 1000 fall short by capacity", () => {
    const options = refillIntervalOptions({ ...WORKED, targetDays: 90 });
    expect(options).toEqual([
      // 400 / 500 = 0.8 mL/day: 90 days need 74 mL; 20 mL last (20 − 2) / 0.8 = 22.5 → 22 days.
      {
        concentrationMcgPerMl: 500,
        dailyVolumeMl: 0.8,
        volumeToFillMl: 20,
        daysToAlarm: 22,
        intervalDays: 22,
        reachesTarget: false,
        limitedBy: 'capacity',
      },
      // 0.4 mL/day: (20 − 2) / 0.4 = 45 days.
      {
        concentrationMcgPerMl: 1000,
        dailyVolumeMl: 0.4,
        volumeToFillMl: 20,
        daysToAlarm: 45,
        intervalDays: 45,
        reachesTarget: false,
        limitedBy: 'capacity',
      },
      // 0.2 mL/day: 90 × 0.2 + 2 = 20 mL exactly.
      {
        concentrationMcgPerMl: 2000,
        dailyVolumeMl: 0.2,
        volumeToFillMl: 20,
        daysToAlarm: 90,
        intervalDays: 90,
        reachesTarget: true,
        limitedBy: null,
      },
    ]);
  });

  it('puts in only what the target needs, rounded up to 0.1 mL', () => {
    // 60 days at 0.2 mL/day: 12 + 2 = 14 mL; at 0.4 mL/day: 24 + 2 = 26 mL > 20 → capacity.
    const [, thousand, twoThousand] = refillIntervalOptions({ ...WORKED, targetDays: 60 });
    expect(twoThousand).toMatchObject({ volumeToFillMl: 14, daysToAlarm: 60, reachesTarget: true, limitedBy: null });
    expect(thousand).toMatchObject({ volumeToFillMl: 20, daysToAlarm: 45, reachesTarget: false });
    // 250 mcg/day at 2000: 0.125 mL/day; 30 days need 3.75 + 2 = 5.75 → 5.8 mL, which lasts (5.8 − 2) / 0.125 = 30.4 → 30.
    const [, , low] = refillIntervalOptions({ ...WORKED, dailyDoseMcg: 250, targetDays: 30 });
    expect(low).toMatchObject({ dailyVolumeMl: 0.125, volumeToFillMl: 5.8, daysToAlarm: 30, reachesTarget: true });
  });

  it('counts the bolus allowance, as the alarm projection does, and never promises past the stability limit', () => {
    // 400 + 100 allowance = 500 mcg/day at 2000: 0.25 mL/day; 20 mL last 72 days.
    const [, , withBolus] = refillIntervalOptions({ ...WORKED, patientBolusMcgPerDay: 100, targetDays: 90 });
    expect(withBolus).toMatchObject({
      dailyVolumeMl: 0.25,
      daysToAlarm: 72,
      reachesTarget: false,
      limitedBy: 'capacity',
    });
    // 100 mcg/day at 2000 in a 40 mL pump: 0.05 mL/day; 200 days asked, 180 allowed: 180 × 0.05 + 2 = 11 mL.
    const [, , stable] = refillIntervalOptions({
      ...WORKED,
      dailyDoseMcg: 100,
      reservoirMl: 40,
      targetDays: 200,
    });
    expect(stable).toMatchObject({
      volumeToFillMl: 11,
      daysToAlarm: 180,
      intervalDays: 180,
      reachesTarget: false,
      limitedBy: 'stability',
    });
  });
});

describe('refillIntervalOptions (properties)', () => {
  it('never fills past the reservoir, and a reached target is a promise the volume keeps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 1500 }),
        fc.constantFrom(null, 0, 50, 150),
        fc.constantFrom(20, 40),
        fc.integer({ min: 1, max: 400 }),
        (dailyDoseMcg, patientBolusMcgPerDay, reservoirMl, targetDays) => {
          const input = {
            dailyDoseMcg,
            patientBolusMcgPerDay,
            reservoirMl,
            alarmMl: 2,
            maxDrugDaysInPump: 180,
            targetDays,
          };
          for (const option of refillIntervalOptions(input)) {
            expect(option.volumeToFillMl).toBeLessThanOrEqual(reservoirMl);
            const lastsDays = (option.volumeToFillMl - 2) / option.dailyVolumeMl;
            expect(option.intervalDays).toBeLessThanOrEqual(Math.min(lastsDays + 1e-6, 180));
            if (option.reachesTarget) expect(lastsDays + 1e-6).toBeGreaterThanOrEqual(targetDays);
          }
        },
      ),
    );
  });
});
