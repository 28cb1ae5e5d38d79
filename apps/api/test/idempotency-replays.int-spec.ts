import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { PumpResponse } from '@itb/contracts';
import { IdempotencyStore } from '../src/common/idempotency/idempotency.store.js';
import { countRows, createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-05-04T08:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/** Dose changes and flag writes sent twice with one Idempotency-Key: one record, the first answer again. */
describe('Idempotency-Key on dose changes and flag writes', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pump: PumpResponse;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  beforeEach(async () => {
    clinic = await createClinic(ctx);
    ctx.clock.set(at(20));
    patientId = (await createPatient(clinic, { spasticityOrigin: 'spinal' })).id;
    pump = await implantPump(clinic, patientId, FILL_AT); // 400 mcg/day
  });

  const doseChange = async () => ({
    effectiveAt: at(10),
    newDailyDoseMcg: 480, // +20 %: within the spinal 30 %
    reason: 'titration_up',
    orderedById: clinic.users.specialist.id,
    pumpVersion: await pumpVersionOf(ctx, pump.id),
  });
  const auditRows = async (entityId: string) =>
    ((await ctx.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [entityId])) as unknown[])
      .length;

  it('records one dose change for two sends, replays the answer, and refuses the key for another body', async () => {
    const body = await doseChange();
    const key = `dose-${pump.id}`;
    const send = (b: object) =>
      clinic.as.nurse.post(`/api/pumps/${pump.id}/dose-adjustments`).set('Idempotency-Key', key).send(b);
    const first = await send(body).expect(201);
    // The replay does not meet the stale pump version: it never reaches the use case.
    const again = await send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(1);
    expect(await auditRows(first.body.id)).toBe(1);
    const other = await send({ ...body, newDailyDoseMcg: 500 }).expect(422);
    expect(other.body.details[0].field).toBe('Idempotency-Key');
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(1);
  });

  it('raises, acknowledges and resolves a flag once each when every request is sent twice', async () => {
    const twice = async (path: string, key: string, body: object, status: number) => {
      const first = await clinic.as.specialist.post(path).set('Idempotency-Key', key).send(body).expect(status);
      const again = await clinic.as.specialist.post(path).set('Idempotency-Key', key).send(body).expect(status);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      return first.body as { id: string; status: string };
    };
    const raised = await twice(
      `/api/patients/${patientId}/flags`,
      `raise-${patientId}`,
      { signs: ['fever'], note: 'Hot' },
      201,
    );
    expect(await countRows(ctx, 'flags', clinic.id)).toBe(1);
    // Without the key a second acknowledgement is refused (409): with it, the first answer comes back.
    const acknowledged = await twice(`/api/flags/${raised.id}/acknowledge`, `ack-${raised.id}`, {}, 200);
    expect(acknowledged.status).toBe('acknowledged');
    const resolved = await twice(`/api/flags/${raised.id}/resolve`, `resolve-${raised.id}`, { note: 'Settled' }, 200);
    expect(resolved.status).toBe('resolved');
    const actions = (await ctx.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [
      raised.id,
    ])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['flag.raise', 'flag.acknowledge', 'flag.resolve']);
  });

  it('answers 409 "still being processed" while the first request with the key is unanswered, then replays it', async () => {
    // The first request commits, then its answer is held back from the key's row: it is in flight.
    const store = ctx.app.get(IdempotencyStore);
    const complete = store.complete.bind(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(store, 'complete').mockImplementationOnce(async (...args) => {
      await held;
      return complete(...args);
    });
    const body = await doseChange();
    const key = `dose-inflight-${pump.id}`;
    const send = () =>
      clinic.as.nurse.post(`/api/pumps/${pump.id}/dose-adjustments`).set('Idempotency-Key', key).send(body);
    const first = send().then((r) => r);
    // Wait for the claim the first request's transaction committed, still without its answer.
    let isClaimedUnanswered = false;
    for (let i = 0; i < 100 && !isClaimedUnanswered; i++) {
      const [row] = (await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1 AND status_code IS NULL`,
        [key],
      )) as [{ n: number }];
      isClaimedUnanswered = row.n === 1;
      if (!isClaimedUnanswered) await new Promise((r) => setTimeout(r, 20));
    }
    expect(isClaimedUnanswered).toBe(true);
    const during = await send();
    expect(during.status).toBe(409);
    expect(during.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/still being processed/) });

    release();
    const answered = await first;
    expect(answered.status).toBe(201);
    const after = await send().expect(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.body).toEqual(answered.body);
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(1);
  });
});
