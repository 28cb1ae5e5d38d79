import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createClinic, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * A signed-in read writes the session row at most once a minute (issue 15), and the idle limit is still
 * checked exactly against the last recorded touch. Times are set in the row relative to the database's
 * own clock, so the test needs no sleeping.
 */
describe('session touch', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  async function signIn() {
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ email: clinic.users.nurse.email, password: TEST_PASSWORD }).expect(200);
    const [row] = (await ctx.dataSource.query(
      `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [clinic.users.nurse.id],
    )) as [{ id: string }];
    return { agent, sessionId: row.id };
  }

  /** Puts the idle timer `ago` before the database's now; answers that exact instant. */
  async function lastSeen(sessionId: string, ago: string): Promise<string> {
    const [row] = (await ctx.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - $2::interval WHERE id = $1 RETURNING last_seen_at::text AS at`,
      [sessionId, ago],
    )) as [[{ at: string }], number];
    return row[0].at;
  }

  const readLastSeen = async (sessionId: string) =>
    (
      (await ctx.dataSource.query(`SELECT last_seen_at::text AS at, xmin::text AS xmin FROM sessions WHERE id = $1`, [
        sessionId,
      ])) as [{ at: string; xmin: string }]
    )[0];

  it('writes nothing for a GET within a minute of the last touch', async () => {
    const { agent, sessionId } = await signIn();
    const touchedAt = await lastSeen(sessionId, '30 seconds');
    const before = await readLastSeen(sessionId);
    await agent.get('/api/auth/me').expect(200);
    await agent.get('/api/patients').expect(200);
    const after = await readLastSeen(sessionId);
    expect(after.at).toBe(touchedAt);
    // No new row version either: the row was not rewritten with the same value.
    expect(after.xmin).toBe(before.xmin);
  });

  it('touches the session on the first GET a minute or more after the last touch', async () => {
    const { agent, sessionId } = await signIn();
    const touchedAt = await lastSeen(sessionId, '61 seconds');
    await agent.get('/api/auth/me').expect(200);
    const after = await readLastSeen(sessionId);
    expect(after.at).not.toBe(touchedAt);
    const [{ is_now }] = (await ctx.dataSource.query(
      `SELECT last_seen_at > now() - interval '5 seconds' AS is_now FROM sessions WHERE id = $1`,
      [sessionId],
    )) as [{ is_now: boolean }];
    expect(is_now).toBe(true);
  });

  it('still ends the session exactly 30 idle minutes after the last touch', async () => {
    const { agent, sessionId } = await signIn();
    // 29 min 58 s idle: still signed in (and this GET touches it, being over a minute).
    await lastSeen(sessionId, '29 minutes 58 seconds');
    await agent.get('/api/auth/me').expect(200);
    // 30 min 1 s idle: refused at once; no cached session outlives the limit.
    await lastSeen(sessionId, '30 minutes 1 second');
    await agent.get('/api/auth/me').expect(401);
  });
});
