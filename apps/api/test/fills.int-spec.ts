import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { FillPreviewRequest, FillRequest, FillResult, PumpResponse } from '@itb/contracts';
import { countRows, createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { keptCountsDrift } from './kept-counts-drift.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

function refill(overrides: Partial<FillRequest> = {}): FillPreviewRequest {
  return {
    performedAt: at(60),
    residualWithdrawnMl: 6,
    volumeAddedMl: 20,
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 500,
    drugProduct: 'Lioresal Intrathecal',
    lotNumber: 'LOT-R1',
    lotExpiresOn: '2028-01-01',
    ...overrides,
  };
}

describe('refills', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pump: PumpResponse;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  beforeEach(async () => {
    ctx.clock.set(at(61));
    const patient = await createPatient(clinic);
    // 20 mL of 2000 mcg/mL at 500 mcg/day: 0.25 mL/day.
    pump = await implantPump(clinic, patient.id, FILL_AT, { initialFill: { dailyDoseMcg: 500 } as never });
  });

  it('reports expected residual 5.0 mL, discrepancy +1.0 mL and the delivery error 60 days after a 20 mL fill at 0.25 mL/day', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const body = res.body as FillResult;
    // expected = 20 − 60 × 0.25 = 5.0; discrepancy = 6.0 − 5.0 = +1.0;
    // delivered expected 15.0, actual 14.0 → (14 − 15) / 15 × 100 = −6.7 %.
    expect(body).toMatchObject({ expectedResidualMl: 5, discrepancyMl: 1, deliveryErrorPct: -6.7, warnings: [] });
    const [stored] = (await ctx.dataSource.query(
      `SELECT expected_residual_ml::float8 AS e, discrepancy_ml::float8 AS d, delivery_error_pct::float8 AS p FROM fills WHERE id = $1`,
      [body.id],
    )) as [{ e: number; d: number; p: number }];
    expect(stored).toEqual({ e: 5, d: 1, p: -6.7 });
    // The new fill drains from 20 mL at 0.25 mL/day: alarm 72 days later.
    expect(body.projection.alarmAt).toBe(new Date(Date.parse(at(60)) + 72 * DAY_MS).toISOString());
    const now = await clinic.as.nurse.get(`/api/pumps/${pump.id}/projection`).expect(200);
    expect(now.body).toEqual(body.projection);
  });

  it('previews the same numbers without writing anything', async () => {
    const preview = await clinic.as.nurse.post(`/api/pumps/${pump.id}/fills/preview`).send(refill()).expect(200);
    const fillsBefore = await countRows(ctx, 'fills', clinic.id);
    const saved = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const { id: _i, performedById: _p, performedByName: _n, ...savedNumbers } = saved.body as FillResult;
    expect(preview.body).toEqual(savedNumbers);
    expect(await countRows(ctx, 'fills', clinic.id)).toBe(fillsBefore + 1);
  });

  it('warns of a residual discrepancy past 14.5 % and 1.0 mL', async () => {
    // expected 5.0, actual 8.0: delivered 12 vs 15 → −20 %, +3.0 mL.
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill({ residualWithdrawnMl: 8 }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    expect(res.body).toMatchObject({ discrepancyMl: 3, deliveryErrorPct: -20 });
    expect(res.body.warnings[0]).toMatch(/under-delivery/);
  });

  it.each([
    ['a fill in the future', { performedAt: at(62) }, 400, 'performedAt'],
    ['a fill before the previous one', { performedAt: at(-1) }, 422, 'performedAt'],
    ['a residual above the reservoir', { residualWithdrawnMl: 21 }, 422, 'residualWithdrawnMl'],
    ['a volume above the reservoir', { volumeAddedMl: 25 }, 422, 'volumeAddedMl'],
    ['a concentration above 3,000 mcg/mL', { concentrationMcgPerMl: 4000 }, 400, 'concentrationMcgPerMl'],
    ['an expired lot', { lotExpiresOn: '2026-04-01' }, 422, 'lotExpiresOn'],
    ['a missing lot number', { lotNumber: '' }, 400, 'lotNumber'],
  ])('refuses %s with %i naming the field and writes nothing', async (_label, overrides, status, field) => {
    const fills = await countRows(ctx, 'fills', clinic.id);
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(overrides), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(status);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countRows(ctx, 'fills', clinic.id)).toBe(fills);
    const current = await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200);
    expect(current.body.version).toBe(pump.version);
  });

  it('uses the new concentration from the refill on: 1000 mcg/mL doubles the daily volume', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        ...refill({ concentrationMcgPerMl: 1000, bridgeBolusMl: null }),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      })
      .expect(201);
    // 500 mcg/day at 1000 mcg/mL = 0.5 mL/day: (20 − 2) / 0.5 = 36 days to the alarm.
    expect(res.body.projection.dailyVolumeMl).toBe(0.5);
    expect(res.body.alarmAt).toBe(new Date(Date.parse(at(60)) + 36 * DAY_MS).toISOString());
  });

  it('refuses a second refill within 10 minutes of the first unless confirmed (a double entry)', async () => {
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const fills = await countRows(ctx, 'fills', clinic.id);
    // The same refill entered again 2 minutes later: 20 mL found in a pump filled 2 minutes ago.
    const again = refill({
      performedAt: new Date(Date.parse(at(60)) + 2 * 60_000).toISOString(),
      residualWithdrawnMl: 20,
    });
    const refused = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...again, pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(422);
    expect(refused.body.details[0]).toMatchObject({ field: 'confirmRepeatRefill' });
    expect(refused.body.details[0].message).toContain('less than 10 minutes before this refill');
    expect(await countRows(ctx, 'fills', clinic.id)).toBe(fills);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...again, confirmRepeatRefill: true, pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    // Ten minutes later it is an ordinary refill.
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        ...refill({ performedAt: new Date(Date.parse(at(60)) + 12 * 60_000).toISOString(), residualWithdrawnMl: 20 }),
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      })
      .expect(201);
  });

  it('replays a POST with the same Idempotency-Key: one record, the same answer', async () => {
    const key = `refill-${pump.id}`;
    const body = refill({ pumpVersion: pump.version });
    const first = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [row] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM fills WHERE pump_id = $1`, [
      pump.id,
    ])) as [{ n: number }];
    expect(row.n).toBe(2); // the initial fill and one refill
    const other = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', key)
      .send({ ...body, residualWithdrawnMl: 5 })
      .expect(422);
    expect(other.body.details[0].field).toBe('Idempotency-Key');
  });

  it('lets a key be retried after its request was refused', async () => {
    const key = `retry-${pump.id}`;
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', key)
      .send({ ...refill({ volumeAddedMl: 25 }), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(422);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', key)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
  });

  it('lets one of two concurrent refills of a pump win and answers the other 409', async () => {
    const body = refill({ pumpVersion: pump.version });
    const results = await Promise.all([
      clinic.as.nurse.post(`/api/pumps/${pump.id}/fills`).send(body),
      clinic.as.specialist.post(`/api/pumps/${pump.id}/fills`).send({ ...body, performedAt: at(60.5) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.message).toMatch(/changed by someone else/);
    const [row] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM fills WHERE pump_id = $1`, [
      pump.id,
    ])) as [{ n: number }];
    expect(row.n).toBe(2);
  });

  it('audits the refill with its computed numbers in the same transaction', async () => {
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const audit = await clinic.as.admin.get('/api/audit-events').query({ entityId: res.body.id }).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'fill.create',
      actorId: clinic.users.nurse.id,
      after: { expectedResidualMl: 5, discrepancyMl: 1, residualWithdrawnMl: 6 },
    });
  });

  it('lists fills newest first with who performed them', async () => {
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const list = await clinic.as.admin.get(`/api/pumps/${pump.id}/fills`).expect(200);
    expect(list.body.items.map((f: { isInitial: boolean }) => f.isInitial)).toEqual([false, true]);
    expect(list.body.items[0].performedByName).toMatch(/^Test nurse/);
  });

  it('keeps the report counts equal to the records after every refill above, taken or refused', async () => {
    expect(await keptCountsDrift(ctx.dataSource)).toEqual([]);
  });
});
