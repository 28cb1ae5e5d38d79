import { describe, expect, it } from 'vitest';
import { assessRefill, BOLUS_AFTER_REFILL_MS, type RefillContext, type RefillEntry } from './refill-assessment.js';
import { MS_PER_DAY } from './reservoir.js';

/** The worked example: 20 mL of 2000 mcg/mL at 400 mcg/day; refilled on day 60, when 8.0 mL should be left. */
const FILL_AT = new Date('2026-03-02T09:00:00Z');
const REFILL_AT = new Date(FILL_AT.getTime() + 60 * MS_PER_DAY);
const context = (overrides: Partial<RefillContext> = {}): RefillContext => ({
  previous: {
    fill: { performedAt: FILL_AT, reservoirVolumeAfterMl: 20, concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
  },
  emptyAlarmAt: null,
  doseSteps: [{ at: FILL_AT, dailyDoseMcg: 400 }],
  firstFillAt: FILL_AT,
  alarmMl: 2,
  schedule: { timeZone: 'Europe/London', refillLeadDays: 5, maxDrugDaysInPump: 180 },
  spasticityOrigin: 'spinal',
  birthDate: '1970-05-14',
  ...overrides,
});
const entry = (overrides: Partial<RefillEntry> = {}): RefillEntry => ({
  performedAt: REFILL_AT,
  residualWithdrawnMl: 8,
  volumeAddedMl: 20,
  concentrationMcgPerMl: 2000,
  dailyDoseMcg: 400,
  ...overrides,
});

describe('assessRefill at the edges', () => {
  it('checks no dose change for a refill at the dose already in force, nor with no dose before', () => {
    expect(assessRefill(context(), entry(), REFILL_AT).dose).toBeNull();
    expect(assessRefill(context({ doseSteps: [] }), entry({ dailyDoseMcg: 480 }), REFILL_AT).dose).toBeNull();
  });

  it('checks a new dose at the refill against the dose in force before it', () => {
    // 400 → 480: +20 %, within the spinal 30 %.
    expect(assessRefill(context(), entry({ dailyDoseMcg: 480 }), REFILL_AT).dose).toMatchObject({
      checkedDailyDoseMcg: 480,
      isChild: false,
      window: { previousDailyDoseMcg: 400, check: { changePct: 20, isWithinLimit: true } },
    });
  });

  it('drains no 0 mL bolus, and the one given 1 s after the refill', () => {
    const none = assessRefill(context(), entry({ bridgeBolusMl: 0, primingBolusMl: 0 }), REFILL_AT);
    expect(none.newFill.boluses).toEqual([]);
    const primed = assessRefill(context(), entry({ primingBolusMl: 0.3 }), REFILL_AT);
    expect(primed.newFill.boluses).toEqual([
      { at: new Date(REFILL_AT.getTime() + BOLUS_AFTER_REFILL_MS), volumeMl: 0.3 },
    ]);
  });

  it("keeps the patient's bolus allowance on the new fill", () => {
    const result = assessRefill(context(), entry({ patientBolusMcgPerDay: 50 }), REFILL_AT);
    expect(result.newFill.fill.patientBolusMcgPerDay).toBe(50);
    expect(assessRefill(context(), entry(), REFILL_AT).newFill.fill.patientBolusMcgPerDay).toBeNull();
  });
});
