import { describe, expect, it } from 'vitest';
import {
  SERVER_DISCREPANT_REFILL_PREVIEW,
  SERVER_REFILL_PREVIEW,
  WORKED_ADJUSTMENTS,
  WORKED_CLINIC,
  WORKED_PATIENT,
  WORKED_PUMP,
  WORKED_REFILL,
} from '../testing/worked-pump.fixture';
import { pumpBasisOf } from './pump-basis';
import { previewRefill } from './refill-preview';

const basis = pumpBasisOf(WORKED_PUMP, WORKED_ADJUSTMENTS, WORKED_PATIENT, WORKED_CLINIC);
const NOW = new Date('2026-11-23T10:00:00Z');

describe('previewRefill', () => {
  it("equals the server's preview of the worked case, to the millisecond", () => {
    const preview = previewRefill(basis, WORKED_REFILL, NOW);
    expect(preview.timingProblem).toBeNull();
    expect(preview.residual).toEqual({
      expectedResidualMl: SERVER_REFILL_PREVIEW.expectedResidualMl,
      discrepancyMl: SERVER_REFILL_PREVIEW.discrepancyMl,
      deliveryErrorPct: SERVER_REFILL_PREVIEW.deliveryErrorPct,
      finding: 'within_tolerance',
      residualFoundMl: 9.87,
      leftInReservoirMl: 0,
    });
    expect(preview.projection?.alarmAt.toISOString()).toBe(SERVER_REFILL_PREVIEW.alarmAt);
    expect(preview.projection?.emptyAt.toISOString()).toBe(SERVER_REFILL_PREVIEW.emptyAt);
    expect(preview.projection?.refillBy).toBe(SERVER_REFILL_PREVIEW.refillBy);
    expect(SERVER_REFILL_PREVIEW.doseCheck?.previousDailyDoseMcg).toBe(100);
    expect(preview.dose?.fromDailyDoseMcg).toBe(100);
    expect(preview.dose?.check).toMatchObject({ changePct: 10, isWithinLimit: true });
  });

  it('calls a residual discrepancy possible over-infusion where the server warns of one', () => {
    const preview = previewRefill(
      basis,
      { ...WORKED_REFILL, residualWithdrawnMl: 8.5, patientBolusMcgPerDay: 20 },
      NOW,
    );
    const server = SERVER_DISCREPANT_REFILL_PREVIEW;
    expect(preview.residual).toEqual({
      expectedResidualMl: server.expectedResidualMl,
      discrepancyMl: server.discrepancyMl,
      deliveryErrorPct: server.deliveryErrorPct,
      finding: 'over_infusion',
      residualFoundMl: 8.5,
      leftInReservoirMl: 0,
    });
    expect(server.warning).toContain('possible over-infusion');
    expect(preview.projection?.alarmAt.toISOString()).toBe(server.alarmAt);
    expect(preview.projection?.emptyAt.toISOString()).toBe(server.emptyAt);
    expect(preview.projection?.refillBy).toBe(server.refillBy);
  });

  it('calls more residual than expected possible under-delivery', () => {
    // 12.5 − 10.94 = +1.56 mL; delivered 6.0 against 7.56 expected: −20.6 %.
    const preview = previewRefill(basis, { ...WORKED_REFILL, residualWithdrawnMl: 12.5 }, NOW);
    expect(preview.residual?.discrepancyMl).toBe(1.56);
    expect(preview.residual?.deliveryErrorPct).toBe(-20.6);
    expect(preview.residual?.finding).toBe('under_delivery');
  });

  it('shows nothing it cannot compute yet, and says why a refill time cannot be used', () => {
    expect(previewRefill(basis, {}, NOW)).toEqual({
      timingProblem: null,
      assessment: null,
      residual: null,
      projection: null,
      dose: null,
    });
    const early = previewRefill(basis, { ...WORKED_REFILL, performedAt: '2026-08-20T14:00:00.000Z' }, NOW);
    expect(early.timingProblem).toMatch(/after the previous fill or dose change/);
    expect(early.residual).toBeNull();
    const future = previewRefill(basis, { ...WORKED_REFILL, performedAt: '2026-11-24T10:00:00.000Z' }, NOW);
    expect(future.timingProblem).toMatch(/future/);
  });

  it('waits for the volume added: the residual found depends on what was left in the reservoir', () => {
    const partial = previewRefill(
      basis,
      { performedAt: WORKED_REFILL.performedAt, residualWithdrawnMl: WORKED_REFILL.residualWithdrawnMl },
      NOW,
    );
    expect(partial.residual).toBeNull();
    expect(partial.projection).toBeNull();
  });

  it('checks a reprogrammed dose against the dose in force at the refill', () => {
    const preview = previewRefill(basis, { ...WORKED_REFILL, dailyDoseMcg: 140 }, NOW);
    expect(preview.dose?.message).toBe(
      'Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %',
    );
    expect(previewRefill(basis, { ...WORKED_REFILL, dailyDoseMcg: 100 }, NOW).dose).toBeNull();
  });
});
