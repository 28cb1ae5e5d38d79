import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectionCases } from '../../../libs/domain/src/reservoir.cases.js';
import { createClinic, createPatient, implantPump, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;

/**
 * The domain's hand-worked projection cases, through the API: a pump implanted with the case's fill
 * in a clinic with the case's settings, its dose changes recorded as dose adjustments and its one-off
 * boluses as bolus events, then `GET /projection`. Changes and boluses dated at or before the fill,
 * which the engine ignores, are ones the API refuses, so they are left out.
 */
const apiCases = projectionCases;

describe('hand-worked projections through the API', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  it.each(apiCases)(
    '$name',
    async ({ input, clinic: schedule, alarmAt, emptyAt, refillBy, isRefillByStabilityCapped }) => {
      const fill = input.fill;
      const performedAt = fill.performedAt.toISOString();
      const changes = (input.doseChanges ?? []).filter((c) => c.effectiveAt > fill.performedAt);
      ctx.clock.set(new Date(fill.performedAt.getTime() + 40 * DAY_MS));
      try {
        const clinic = await createClinic(ctx, schedule);
        const patient = await createPatient(clinic, { spasticityOrigin: 'spinal' });
        const pump = await implantPump(clinic, patient.id, performedAt, {
          // The day before the fill in UTC is on or before the fill's date in any clinic zone.
          implantedOn: new Date(fill.performedAt.getTime() - DAY_MS).toISOString().slice(0, 10),
          initialFill: {
            performedAt,
            volumeAddedMl: fill.reservoirVolumeAfterMl,
            concentrationMcgPerMl: fill.concentrationMcgPerMl,
            dailyDoseMcg: fill.dailyDoseMcg,
            patientBolusMcgPerDay: fill.patientBolusMcgPerDay ?? null,
            drugProduct: 'Lioresal Intrathecal',
            lotNumber: 'LOT-CASE',
            lotExpiresOn: '2030-01-01',
          },
        });
        for (const change of changes) {
          await clinic.as.specialist
            .post(`/api/pumps/${pump.id}/dose-adjustments`)
            .send({
              pumpVersion: await pumpVersionOf(ctx, pump.id),
              effectiveAt: change.effectiveAt.toISOString(),
              newDailyDoseMcg: change.newDailyDoseMcg,
              reason: 'titration_up',
              orderedById: clinic.users.specialist.id,
              overrideReason: 'Hand-worked projection case',
            })
            .expect(201);
        }
        for (const bolus of (input.boluses ?? []).filter((b) => b.at > fill.performedAt)) {
          await clinic.as.nurse
            .post(`/api/pumps/${pump.id}/events`)
            .send({
              pumpVersion: await pumpVersionOf(ctx, pump.id),
              type: 'bolus',
              occurredAt: bolus.at.toISOString(),
              volumeMl: bolus.volumeMl,
            })
            .expect(201);
        }
        const res = await clinic.as.nurse.get(`/api/pumps/${pump.id}/projection`).expect(200);
        expect(res.body).toMatchObject({ alarmAt, emptyAt, refillBy, isRefillByStabilityCapped });
      } finally {
        ctx.clock.reset();
      }
    },
  );
});
