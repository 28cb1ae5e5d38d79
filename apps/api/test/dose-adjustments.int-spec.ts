import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DoseAdjustmentPreviewRequest, DoseAdjustmentRequest, PumpResponse } from '@itb/contracts';
import { countRows, createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { keptCountsDrift } from './kept-counts-drift.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-05-04T08:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

describe('dose adjustments', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pump: PumpResponse;

  const change = (overrides: Partial<DoseAdjustmentRequest> = {}): DoseAdjustmentPreviewRequest => ({
    effectiveAt: at(10),
    newDailyDoseMcg: 480, // +20 % from 400: within the 30 % spinal limit
    reason: 'titration_up',
    orderedById: clinic.users.specialist.id,
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  beforeEach(async () => {
    clinic = await createClinic(ctx); // a fresh clinic per test, so row counts are this test's alone
    ctx.clock.set(at(20));
    const patient = await createPatient(clinic, { spasticityOrigin: 'spinal' });
    pump = await implantPump(clinic, patient.id, FILL_AT); // 20 mL, 2000 mcg/mL, 400 mcg/day
  });

  it('re-projects the alarm from the moment a within-limit change takes effect', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    // 10 days at 0.2 mL/day leave 18 mL; then 0.24 mL/day: (18 − 2) / 0.24 = 66.67 days more.
    const expectedAlarm = Date.parse(at(10)) + Math.round(((16 * 2000) / 480) * DAY_MS);
    expect(Date.parse(res.body.projection.alarmAt)).toBe(expectedAlarm);
    expect(res.body).toMatchObject({ previousDailyDoseMcg: 400, newDailyDoseMcg: 480, overrideReason: null });
    expect(res.body.doseCheck).toMatchObject({ isWithinLimit: true, changePct: 20, direction: 'increase' });
    const current = await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200);
    expect(current.body.currentDailyDoseMcg).toBe(480);
    expect(current.body.projection.alarmAt).toBe(res.body.projection.alarmAt);
  });

  it('refuses a nurse a change above the limit with 422 naming the limit and the excess', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 560 }), pumpVersion: await pumpVersionOf(ctx, pump.id) }) // +40 %: 10 % above the 30 % spinal limit
      .expect(422);
    expect(res.body.code).toBe('RULE_VIOLATION');
    expect(res.body.details[0].field).toBe('newDailyDoseMcg');
    expect(res.body.message).toMatch(/30 %/);
    expect(res.body.message).toMatch(/10(\.0)? %/);
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(0);
  });

  it('lets a specialist record it with an override reason, and audits both sides', async () => {
    await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 560 }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(422)
      .expect((r) => expect(r.body.details[0].field).toBe('overrideReason'));
    const res = await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        ...change({ newDailyDoseMcg: 560, overrideReason: 'Severe spasms; seen in clinic today' }),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      })
      .expect(201);
    expect(res.body.overrideReason).toBe('Severe spasms; seen in clinic today');
    const audit = await clinic.as.admin.get('/api/audit-events').query({ entityId: res.body.id }).expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'dose_adjustment.create',
      before: { dailyDoseMcg: 400 },
      after: { dailyDoseMcg: 560 },
      reason: 'Severe spasms; seen in clinic today',
    });
  });

  it('applies the 15 % limit to cerebral origin and the 20 % limit to decreases', async () => {
    const cerebral = await createPatient(clinic, { spasticityOrigin: 'cerebral' });
    const cPump = await implantPump(clinic, cerebral.id, FILL_AT);
    await clinic.as.nurse
      .post(`/api/pumps/${cPump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 464 }), pumpVersion: await pumpVersionOf(ctx, cPump.id) })
      .expect(422); // +16 %
    await clinic.as.nurse
      .post(`/api/pumps/${cPump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 460 }), pumpVersion: await pumpVersionOf(ctx, cPump.id) })
      .expect(201); // +15 %
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        ...change({ newDailyDoseMcg: 316, reason: 'side_effects' }),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      }) // −21 %
      .expect(422);
  });

  it('counts the limit per 24 hours: two steps in one day cannot add up past it', async () => {
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 480 }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    // 480 → 560 is +16.7 % on its own, but +40 % on the 400 of 24 h earlier.
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        ...change({ effectiveAt: at(10.5), newDailyDoseMcg: 560 }),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      })
      .expect(422);
    expect(res.body.message).toMatch(/30 %/);
  });

  it('refuses an ordering clinician who is not a specialist, and a change in the future', async () => {
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ orderedById: clinic.users.nurse.id }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(422)
      .expect((r) => expect(r.body.details[0].field).toBe('orderedById'));
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ effectiveAt: at(21) }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(400);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...change({ newDailyDoseMcg: 3001 }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(400);
  });

  it('previews the limit check and the before/after projection without writing', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments/preview`)
      .send(change({ newDailyDoseMcg: 560 }))
      .expect(422);
    expect(res.body.details[0].field).toBe('newDailyDoseMcg');
    const ok = await clinic.as.nurse.post(`/api/pumps/${pump.id}/dose-adjustments/preview`).send(change()).expect(200);
    expect(ok.body.projectionBefore.alarmAt).toBe(pump.projection!.alarmAt);
    expect(Date.parse(ok.body.projection.alarmAt)).toBeLessThan(Date.parse(pump.projection!.alarmAt));
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(0);
  });

  it('keeps the report counts equal to the records after every dose change above', async () => {
    expect(await keptCountsDrift(ctx.dataSource)).toEqual([]);
  });
});

describe('pump events', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  it('records an MRI with who and when, once per Idempotency-Key, and refuses future events', async () => {
    clinic = await createClinic(ctx);
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, new Date(Date.now() - 5 * DAY_MS).toISOString());
    const body = {
      type: 'mri',
      occurredAt: new Date(Date.now() - DAY_MS).toISOString(),
      notes: 'Brain MRI, 1.5 T',
      pumpVersion: pump.version,
    };
    const first = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .set('Idempotency-Key', `mri-${pump.id}`)
      .send(body)
      .expect(201);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .set('Idempotency-Key', `mri-${pump.id}`)
      .send(body)
      .expect(201);
    const list = await clinic.as.specialist.get(`/api/pumps/${pump.id}/events`).expect(200);
    expect(list.body.items).toEqual([first.body]);
    expect(first.body).toMatchObject({ type: 'mri', recordedById: clinic.users.nurse.id });
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({
        ...body,
        occurredAt: new Date(Date.now() + DAY_MS).toISOString(),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      })
      .expect(400);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ ...body, type: 'explant' })
      .expect(400);
  });
});

describe('bolus events', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('drains the reservoir, moves the stored alarm, and refuses what the reservoir could not give', async () => {
    const clinic = await createClinic(ctx);
    ctx.clock.set(at(20));
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, FILL_AT); // 20 mL at 0.2 mL/day: alarm at day 90
    let version = pump.version;
    const bolus = (body: object) =>
      clinic.as.nurse.post(`/api/pumps/${pump.id}/events`).send({ ...body, pumpVersion: version });
    // 1 mL at day 10: 18 → 17 mL; alarm 10 + (17 − 2) / 0.2 = 85 days after the fill (DESIGN.md case).
    const res = await bolus({ type: 'bolus', occurredAt: at(10), volumeMl: 1 }).expect(201);
    expect(res.body).toMatchObject({ type: 'bolus', volumeMl: 1 });
    const after = await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200);
    expect(after.body.projection.alarmAt).toBe(at(85));
    expect(after.body.currentFill.boluses).toEqual([{ at: at(10), volumeMl: 1 }]);
    expect(after.body.version).toBe(pump.version + 1);
    version = after.body.version;
    const [stored] = (await ctx.dataSource.query(`SELECT alarm_at FROM pumps WHERE id = $1`, [pump.id])) as [
      { alarm_at: Date },
    ];
    expect(stored.alarm_at.toISOString()).toBe(at(85));

    // 14 days in: 20 − 1 − 14 × 0.2 = 16.2 mL left.
    const tooMuch = await bolus({ type: 'bolus', occurredAt: at(14), volumeMl: 16.3 }).expect(422);
    expect(tooMuch.body.details[0]).toEqual({
      field: 'volumeMl',
      message: 'must be at most the 16.2 mL the reservoir held then',
    });
    await bolus({ type: 'bolus', occurredAt: at(-1), volumeMl: 1 }).expect(422);
    await bolus({ type: 'bolus', occurredAt: at(12) }).expect(400);
    await bolus({ type: 'mri', occurredAt: at(12), volumeMl: 1 }).expect(400);
    expect(await countRows(ctx, 'pump_events', clinic.id)).toBe(1);
  });
});
