import { describe, expect, it } from 'vitest';
import { planRefill } from './refill-plan.js';
import { FILL_AT, LONDON, plusDays, SYNCHROMED_ALARM_ML, workedFill } from './reservoir.cases.js';

const plan = (current: Parameters<typeof planRefill>[0]['current'], days: number) =>
  planRefill({ current, reservoirMl: 20, alarmMl: SYNCHROMED_ALARM_ML, schedule: LONDON, at: plusDays(FILL_AT, days) });

describe('planRefill', () => {
  it("plans DESIGN.md's worked example on day 30: 14 mL expected, 20 mL to put in, alarm 90 days on", () => {
    // 20 − 30 × 0.2 = 14 mL left. Refilled to 20 mL on 02-04 10:00: alarm (20 − 2) / 0.2 = 90 d → 05-05;
    // empty 100 d → 05-15; refill-by 05-05 − 5 = 04-30.
    const result = plan({ fill: workedFill() }, 30);
    expect(result).toMatchObject({
      expectedResidualMl: 14,
      programmedDailyDoseMcg: 400,
      programmedDailyVolumeMl: 0.2,
      plannedVolumeMl: 20,
    });
    expect(result.projection.alarmAt.toISOString()).toBe('2026-05-05T10:00:00.000Z');
    expect(result.projection.emptyAt.toISOString()).toBe('2026-05-15T10:00:00.000Z');
    expect(result.projection.refillBy).toBe('2026-04-30');
    expect(result.projection.daysToAlarm).toBe(90);
  });

  it('leaves the bolus allowance out of the expected residual but not out of the new alarm', () => {
    // Expected: the programme alone, 400 / 2000 = 0.2 mL/day → 20 − 6 = 14 mL.
    // New alarm: (400 + 100) / 2000 = 0.25 mL/day → (20 − 2) / 0.25 = 72 days.
    const result = plan({ fill: workedFill({ patientBolusMcgPerDay: 100 }) }, 30);
    expect(result.expectedResidualMl).toBe(14);
    expect(result.programmedDailyDoseMcg).toBe(400);
    expect(result.projection.daysToAlarm).toBe(72);
  });

  it('drains each dose segment and every recorded bolus, and keys in the dose in force now', () => {
    // 10 d at 0.2 = 2 mL, then 20 d at 600 / 2000 = 0.3 → 6 mL, and a 0.5 mL clinician bolus on day 5:
    // 20 − 2 − 6 − 0.5 = 11.5 mL. Refilled at 600 mcg/day: 0.3 mL/day → (20 − 2) / 0.3 = 60 days to alarm.
    const result = plan(
      {
        fill: workedFill(),
        doseChanges: [{ effectiveAt: plusDays(FILL_AT, 10), newDailyDoseMcg: 600 }],
        boluses: [{ at: plusDays(FILL_AT, 5), volumeMl: 0.5 }],
      },
      30,
    );
    expect(result.expectedResidualMl).toBe(11.5);
    expect(result.programmedDailyDoseMcg).toBe(600);
    expect(result.programmedDailyVolumeMl).toBe(0.3);
    expect(result.projection.daysToAlarm).toBe(60);
  });

  it('expects an empty reservoir, not a negative one, after the pump has run dry', () => {
    // 20 / 0.2 = 100 days to empty: on day 120 nothing is left.
    expect(plan({ fill: workedFill() }, 120).expectedResidualMl).toBe(0);
  });
});
