import { describe, expect, it } from 'vitest';
import {
  SERVER_DAY_BEFORE_LIMIT_MESSAGE,
  SERVER_DOSE_PREVIEW_BEFORE_RAISE,
  WORKED_ADJUSTMENTS,
  WORKED_CLINIC,
  WORKED_PATIENT,
  WORKED_PUMP,
} from '../testing/worked-pump.fixture';
import { pumpBasisOf } from './pump-basis';
import { previewDoseChange } from './dose-change-preview';

const NOW = new Date('2026-11-23T10:00:00Z');
const basis = pumpBasisOf(WORKED_PUMP, WORKED_ADJUSTMENTS, WORKED_PATIENT, WORKED_CLINIC);

describe('previewDoseChange', () => {
  it('names the spinal limit and the excess for a 40 % increase', () => {
    const { assessment } = previewDoseChange(
      basis,
      { effectiveAt: '2026-11-23T09:00:00.000Z', newDailyDoseMcg: 140 },
      NOW,
    );
    expect(assessment?.check).toMatchObject({
      isWithinLimit: false,
      limitCode: 'INCREASE_LIMIT_SPINAL',
      excessPct: 10,
    });
    expect(assessment?.message).toBe(
      'Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %',
    );
  });

  it('holds a cerebral-origin patient to 15 % and any patient to a 20 % decrease', () => {
    const cerebral = pumpBasisOf(
      WORKED_PUMP,
      WORKED_ADJUSTMENTS,
      { ...WORKED_PATIENT, spasticityOrigin: 'cerebral' },
      WORKED_CLINIC,
    );
    const at = '2026-11-23T09:00:00.000Z';
    expect(previewDoseChange(cerebral, { effectiveAt: at, newDailyDoseMcg: 116 }, NOW).assessment?.message).toBe(
      'Increase of 16.0 % exceeds the 15 % limit for cerebral-origin spasticity by 1.0 %',
    );
    expect(
      previewDoseChange(basis, { effectiveAt: at, newDailyDoseMcg: 80 }, NOW).assessment?.check.isWithinLimit,
    ).toBe(true);
    expect(previewDoseChange(basis, { effectiveAt: at, newDailyDoseMcg: 79 }, NOW).assessment?.message).toBe(
      'Decrease of 21.0 % exceeds the 20 % limit by 1.0 %',
    );
  });

  it('measures against the dose 24 h earlier, as the server does, so small steps cannot add up', () => {
    const { assessment } = previewDoseChange(
      basis,
      { effectiveAt: '2026-08-21T10:00:00.000Z', newDailyDoseMcg: 112 },
      NOW,
    );
    expect(assessment?.isAgainstEarlierDose).toBe(true);
    expect(assessment?.fromDailyDoseMcg).toBe(85.5);
    expect(SERVER_DAY_BEFORE_LIMIT_MESSAGE).toBe(assessment?.message);
    expect(assessment?.check.limitCode).toBe('INCREASE_LIMIT_SPINAL');
  });

  it("projects the new dose exactly as the server's preview did", () => {
    const beforeRaise = pumpBasisOf(WORKED_PUMP, [], WORKED_PATIENT, WORKED_CLINIC);
    const { projection } = previewDoseChange(
      beforeRaise,
      { effectiveAt: '2026-08-20T14:40:00.000Z', newDailyDoseMcg: 100 },
      NOW,
    );
    const server = SERVER_DOSE_PREVIEW_BEFORE_RAISE.projection;
    expect(projection?.alarmAt.toISOString()).toBe(server.alarmAt);
    expect(projection?.emptyAt.toISOString()).toBe(server.emptyAt);
    expect(projection?.refillBy).toBe(server.refillBy);
  });

  it('warns above 1,000 mcg/day and refuses a change that takes effect before the last one', () => {
    const high = previewDoseChange(basis, { effectiveAt: '2026-11-23T09:00:00.000Z', newDailyDoseMcg: 1200 }, NOW);
    expect(high.assessment?.levelMessage).toMatch(/above 1,000 mcg\/day/);
    const early = previewDoseChange(basis, { effectiveAt: '2026-08-19T09:00:00.000Z', newDailyDoseMcg: 110 }, NOW);
    expect(early.timingProblem).toMatch(/after the last fill or dose change/);
    expect(early.assessment).toBeNull();
  });
});

describe('previewDoseChange: the window rules of issue 11', () => {
  it("gives a child (under 18 at the change) the children's 15 % limit", () => {
    // Born 1 Jan 2012: 14 on 23 Nov 2026. 100 → 116 mcg/day is +16 %, 1 % beyond 15 %.
    const child = pumpBasisOf(
      WORKED_PUMP,
      WORKED_ADJUSTMENTS,
      { ...WORKED_PATIENT, birthDate: '2012-01-01' },
      WORKED_CLINIC,
    );
    const { assessment } = previewDoseChange(
      child,
      { effectiveAt: '2026-11-23T09:00:00.000Z', newDailyDoseMcg: 116 },
      NOW,
    );
    expect(assessment?.isChild).toBe(true);
    expect(assessment?.message).toBe('Increase of 16.0 % exceeds the 15 % limit for children by 1.0 %');
  });

  it("allows no increase within 24 h of the implant's first fill", () => {
    const implantedAt = '2026-11-23T00:00:00.000Z';
    const fresh = pumpBasisOf(
      {
        ...WORKED_PUMP,
        currentFill: { ...WORKED_PUMP.currentFill, performedAt: implantedAt, dailyDoseMcg: 100 },
        doseHistory: { firstFillAt: implantedAt, steps: [{ at: implantedAt, dailyDoseMcg: 100 }] },
      },
      [],
      WORKED_PATIENT,
      WORKED_CLINIC,
    );
    // 100 → 105 nine hours after the first fill: +5 %, within the 30 % limit but inside the first 24 h.
    const { assessment } = previewDoseChange(
      fresh,
      { effectiveAt: '2026-11-23T09:00:00.000Z', newDailyDoseMcg: 105 },
      NOW,
    );
    expect(assessment?.isWithinDayOfImplant).toBe(true);
    expect(assessment?.check.isWithinLimit).toBe(false);
    expect(assessment?.check.limitCode).toBe('NO_INCREASE_AFTER_IMPLANT');
    expect(assessment?.message).toBe(
      "Increase of 5.0 % within 24 h of the implant's first fill, when no increase is allowed",
    );
  });
});
