import { describe, expect, it } from 'vitest';
import { bolusPreview } from './event-preview';

const SCHEDULE = { timeZone: 'Europe/London', refillLeadDays: 5, maxDrugDaysInPump: 180 };
const FILL_AT = new Date('2026-09-01T10:00:00.000Z');
const DAY = 86_400_000;

describe('bolusPreview', () => {
  it("moves DESIGN.md's worked example's alarm one day earlier for each 0.2 mL taken", () => {
    // 20 mL of 2000 mcg/mL at 400 mcg/day: 0.2 mL/day, alarm (20 − 2) / 0.2 = 90 days after the fill.
    const drain = {
      fill: {
        performedAt: FILL_AT,
        reservoirVolumeAfterMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        patientBolusMcgPerDay: null,
      },
      doseChanges: [],
      boluses: [],
    };
    const at = new Date(FILL_AT.getTime() + 10 * DAY);
    // A 1 mL clinician bolus on day 10 is 5 days of drain: the alarm at day 85, refill-by 5 days before.
    const { before, after } = bolusPreview(drain, 2, SCHEDULE, { at, volumeMl: 1 }, at);
    expect(before.alarmAt.toISOString()).toBe(new Date(FILL_AT.getTime() + 90 * DAY).toISOString());
    expect(after.alarmAt.toISOString()).toBe(new Date(FILL_AT.getTime() + 85 * DAY).toISOString());
    expect(after.refillBy).toBe('2026-11-20');
    expect(before.refillBy).toBe('2026-11-25');
    expect(after.volumeNowMl).toBe(17);
  });
});
