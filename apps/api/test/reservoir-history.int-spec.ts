import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { FillResponse, Page, PumpResponse, ReservoirHistoryResponse } from '@itb/contracts';
import { createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/*
 * The worked example implanted on day 0 (20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day), the dose
 * raised to 480 mcg/day (0.24 mL/day) on day 30, a 1 mL bolus on day 40, refilled on day 50 with
 * 18 mL of 1000 mcg/mL at 480 mcg/day (0.48 mL/day) and 7.5 mL withdrawn; now is day 60.
 */
describe('GET /api/pumps/:id/reservoir-history', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pump: PumpResponse;
  let refillId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  beforeEach(async () => {
    ctx.clock.set(at(60));
    const patient = await createPatient(clinic, { spasticityOrigin: 'spinal' });
    pump = await implantPump(clinic, patient.id, FILL_AT);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        effectiveAt: at(30),
        newDailyDoseMcg: 480,
        reason: 'titration_up',
        orderedById: clinic.users.specialist.id,
      })
      .expect(201);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'bolus', occurredAt: at(40), volumeMl: 1 })
      .expect(201);
    const refill = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        performedAt: at(50),
        residualWithdrawnMl: 7.5,
        volumeAddedMl: 18,
        concentrationMcgPerMl: 1000,
        dailyDoseMcg: 480,
        bridgeBolusMl: null,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-R1',
        lotExpiresOn: '2028-01-01',
      })
      .expect(201);
    refillId = refill.body.id as string;
  });

  afterEach(() => ctx.clock.reset());

  const historyOf = async (role: 'specialist' | 'nurse' | 'admin' = 'nurse') =>
    (await clinic.as[role].get(`/api/pumps/${pump.id}/reservoir-history`).expect(200)).body as ReservoirHistoryResponse;

  it('puts every fill on the chart with the numbers GET /fills returns', async () => {
    const history = await historyOf();
    const fills = ((await clinic.as.nurse.get(`/api/pumps/${pump.id}/fills`).expect(200)).body as Page<FillResponse>)
      .items;
    expect(history.fillPoints.map((p) => p.fillId)).toEqual(fills.map((f) => f.id).reverse());
    for (const fill of fills) {
      const point = history.fillPoints.find((p) => p.fillId === fill.id);
      expect(point).toEqual({
        fillId: fill.id,
        at: fill.performedAt,
        isInitial: fill.isInitial,
        residualWithdrawnMl: fill.residualWithdrawnMl,
        expectedResidualMl: fill.expectedResidualMl,
        discrepancyMl: fill.discrepancyMl,
        deliveryErrorPct: fill.deliveryErrorPct,
        isDiscrepant: false,
        volumeAfterMl: fill.reservoirVolumeAfterMl,
      });
    }
    // 20 − 30 × 0.2 = 14; − 10 × 0.24 = 11.6; bolus → 10.6; − 10 × 0.24 = 8.2 expected; 7.5 found → −0.7 mL.
    expect(history.fillPoints[1]).toMatchObject({ fillId: refillId, expectedResidualMl: 8.2, discrepancyMl: -0.7 });
  });

  it('draws the first fill down through the dose change and the bolus to the expected residual at the refill', async () => {
    const history = await historyOf();
    expect(history.volumeLine.map((i) => i.points)).toEqual([
      [
        { at: at(0), volumeMl: 20 },
        { at: at(30), volumeMl: 14 },
        { at: at(40), volumeMl: 11.6 },
        { at: at(40), volumeMl: 10.6 },
        { at: at(50), volumeMl: 8.2 },
      ],
      // 18 − 10 × 0.48 = 13.2 now.
      [
        { at: at(50), volumeMl: 18 },
        { at: at(60), volumeMl: 13.2 },
      ],
    ]);
  });

  it('projects the current fill from now to the empty instant GET /projection gives', async () => {
    const history = await historyOf();
    const projection = (await clinic.as.nurse.get(`/api/pumps/${pump.id}/projection`).expect(200)).body;
    // 13.2 mL at 0.48 mL/day: empty 27.5 days on.
    expect(history.projected).toEqual({
      points: [
        { at: at(60), volumeMl: 13.2 },
        { at: at(87.5), volumeMl: 0 },
      ],
      alarmAt: projection.alarmAt,
      emptyAt: projection.emptyAt,
    });
    expect(history).toMatchObject({ alarmMl: 2, reservoirMl: 20, asOf: at(60), implantedOn: '2026-03-02' });
  });

  it('steps the daily dose at the fill, the dose change and the refill, marking the new concentration', async () => {
    const history = await historyOf('admin');
    expect(
      history.doseSteps.map(({ from, kind, dailyDoseMcg, concentrationMcgPerMl, isConcentrationChange }) => ({
        from,
        kind,
        dailyDoseMcg,
        concentrationMcgPerMl,
        isConcentrationChange,
      })),
    ).toEqual([
      { from: at(0), kind: 'fill', dailyDoseMcg: 400, concentrationMcgPerMl: 2000, isConcentrationChange: false },
      {
        from: at(30),
        kind: 'dose_change',
        dailyDoseMcg: 480,
        concentrationMcgPerMl: 2000,
        isConcentrationChange: false,
      },
      { from: at(50), kind: 'fill', dailyDoseMcg: 480, concentrationMcgPerMl: 1000, isConcentrationChange: true },
    ]);
  });

  it('stops an explanted pump at its explant and projects nothing', async () => {
    const current = (await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200)).body as PumpResponse;
    await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/explant`)
      .send({ version: current.version, explantedOn: at(60).slice(0, 10), reason: 'Infection' })
      .expect(200);
    const history = await historyOf();
    expect(history.projected).toBeNull();
    expect(history.volumeLine[1]?.points.at(-1)).toEqual({ at: at(60), volumeMl: 13.2 });
  });

  it("answers 404 for another clinic's pump", async () => {
    const other = await createClinic(ctx);
    const res = await other.as.specialist.get(`/api/pumps/${pump.id}/reservoir-history`).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
