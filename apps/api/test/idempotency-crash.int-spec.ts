import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INSTANCE_ID } from '../src/common/instance-id.js';
import { createClinic, createPatient, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * Issue 12 item 7: an Idempotency-Key is claimed in the transaction that commits the write, so a
 * crash can never leave a key "still being processed" forever. (The fault tier kills a real API;
 * these tests plant the rows such a crash leaves.)
 */
describe('idempotency keys across crashes', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let day = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    patientId = (await createPatient(clinic)).id;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const booking = () => ({
    patientId,
    type: 'interrogation',
    startsAt: new Date(Date.now() + (++day + 1) * 86_400_000).toISOString(),
  });
  const book = (key: string, body: object) =>
    clinic.as.specialist.post('/api/appointments').set('Idempotency-Key', key).send(body);

  async function keyRow(key: string) {
    const [row] = (await ctx.dataSource.query(
      `SELECT status_code, owner FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [clinic.users.specialist.id, key],
    )) as { status_code: number | null; owner: string | null }[];
    return row;
  }

  /** The row a process leaves when it dies between its commit and storing the answer. */
  async function plantInFlight(key: string, body: object, owner: string | null) {
    const { createHash } = await import('node:crypto');
    await ctx.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, clinic_id, method, path, request_hash, owner)
       VALUES ($1, $2, $3, 'POST', '/api/appointments', $4, $5)`,
      [
        clinic.users.specialist.id,
        key,
        clinic.id,
        createHash('sha256').update(JSON.stringify(body)).digest('hex'),
        owner,
      ],
    );
  }

  it('leaves no key behind when the write is refused before its commit, so the retry runs', async () => {
    const key = `refused-${randomUUID()}`;
    const body = { ...booking(), startsAt: new Date(Date.now() - 3_600_000).toISOString() };
    await book(key, body).expect(400);
    expect(await keyRow(key)).toBeUndefined();
    await book(key, { ...booking() }).expect(201); // a different body is fine: nothing was claimed
  });

  it('stores the key with its answer, owned by this process, and replays it', async () => {
    const key = `stored-${randomUUID()}`;
    const body = booking();
    const first = await book(key, body).expect(201);
    expect(await keyRow(key)).toEqual({ status_code: 201, owner: INSTANCE_ID });
    const again = await book(key, body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('settles a claim whose owner died (no connection left): the retry hears "saved, answer lost", not 409 forever', async () => {
    const key = `orphan-${randomUUID()}`;
    const body = booking();
    await plantInFlight(key, body, randomUUID());
    const res = await book(key, body).expect(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/was saved, but the server stopped/),
    });
    expect(await keyRow(key)).toMatchObject({ status_code: 409 });
    await book(key, body).expect(409); // replayed, not run again
    const [count] = (await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM appointments WHERE patient_id = $1 AND starts_at = $2`,
      [patientId, body.startsAt],
    )) as { n: number }[];
    expect(count?.n).toBe(0);
  });

  it("settles this process's own claim that no request is answering (its COMMIT reply was lost)", async () => {
    const key = `own-${randomUUID()}`;
    const body = booking();
    await plantInFlight(key, body, INSTANCE_ID);
    await book(key, body).expect(409);
    expect(await keyRow(key)).toMatchObject({ status_code: 409 });
  });

  it('stores one appointment for five concurrent requests with one key', async () => {
    const key = `race-${randomUUID()}`;
    const body = booking();
    const answers = await Promise.all(Array.from({ length: 5 }, () => book(key, body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    const [count] = (await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM appointments WHERE patient_id = $1 AND starts_at = $2`,
      [patientId, body.startsAt],
    )) as { n: number }[];
    expect(count?.n).toBe(1);
    await book(key, body).expect(201);
    expect((await keyRow(key))?.status_code).toBe(201);
  });
});
