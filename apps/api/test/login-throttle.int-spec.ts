import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createClinic, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** A documentation address (RFC 5737) of its own per test, so the per-address counts start at zero. */
let addressSeq = 0;
const uniqueAddress = () => `203.0.113.${++addressSeq}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in throttling (rate-limiter-flexible on Postgres)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // The tests stand behind a proxy on loopback, so each can speak from an address of its own.
    ctx = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => ctx.app.close());

  const login = (email: string, password: string, address: string) =>
    request(ctx.server).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  const pointsOf = async (key: string): Promise<number | null> => {
    const rows = (await ctx.dataSource.query(`SELECT points FROM login_limits WHERE key = $1`, [key])) as Array<{
      points: number;
    }>;
    return rows[0]?.points ?? null;
  };

  it('counts 30 concurrent wrong passwords as 30 and checks at most three of them', async () => {
    const clinic = await createClinic(ctx);
    const address = uniqueAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => login(clinic.users.nurse.email, 'wrong-password-guess', address)),
    );
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s === 401).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(checked + refused.length).toBe(30);
    // One check at a time; two failures in a row pass freely, the third shuts the gate for 2 s.
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(3);
    for (const r of refused) {
      expect(r.body.code).toBe('RATE_LIMITED');
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(2);
    }
    // Every attempt counted against the address, atomically: 30, not fewer.
    expect(await pointsOf(`login_address:${address}`)).toBe(30);
    // The account's run of failures holds exactly the guesses that were checked.
    expect(await pointsOf(`login_failures:${clinic.users.nurse.email}`)).toBe(checked);
  });

  it('grows the pause after each wrong password (0, 0, 2 s, 4 s) and never locks the owner out', async () => {
    const clinic: TestClinic = await createClinic(ctx);
    const email = clinic.users.specialist.email;
    const attacker = uniqueAddress();
    await login(email, 'guess-one', attacker).expect(401);
    await login(email, 'guess-two', attacker).expect(401);
    await login(email, 'guess-three', attacker).expect(401);
    // Three failures: backoff 2^(3-2) = 2 s.
    const paused = await login(email, 'guess-four', attacker).expect(429);
    expect(Number(paused.headers['retry-after'])).toBe(2);
    await sleep(2_050);
    await login(email, 'guess-four', attacker).expect(401);
    // Four failures: 2^(4-2) = 4 s.
    const longer = await login(email, 'guess-five', attacker).expect(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThanOrEqual(3);
    expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(4);

    // The owner, from elsewhere, right after the attacker: at most one short wait, then in.
    const owner = uniqueAddress();
    const started = Date.now();
    let answer = await login(email, TEST_PASSWORD, owner);
    if (answer.status === 429) {
      const wait = Number(answer.headers['retry-after']);
      expect(wait).toBeLessThanOrEqual(4);
      await sleep(wait * 1000 + 50);
      answer = await login(email, TEST_PASSWORD, owner);
    }
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Success clears the run: a typo now costs nothing.
    expect(await pointsOf(`login_failures:${email}`)).toBeNull();
    await login(email, 'typo', owner).expect(401);
    await login(email, TEST_PASSWORD, owner).expect(200);
  });

  it("limits one address's attempts across accounts to 50 in 15 minutes, without blocking other addresses", async () => {
    const address = uniqueAddress();
    const emails = Array.from({ length: 50 }, (_, i) => `nobody-${addressSeq}-${i}-${randomInt(1e9)}@test.example`);
    for (let i = 0; i < 50; i += 10) {
      const batch = await Promise.all(emails.slice(i, i + 10).map((e) => login(e, 'wrong-password', address)));
      expect(batch.map((b) => b.status)).toEqual(Array(10).fill(401));
    }
    const clinic = await createClinic(ctx);
    const limited = await login(clinic.users.nurse.email, TEST_PASSWORD, address).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // The window is 15 minutes from the first attempt, a moment ago: 900 s less the test's own time.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(850);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
    // The same account from another address signs in at once.
    await login(clinic.users.nurse.email, TEST_PASSWORD, uniqueAddress()).expect(200);
  });

  it('does not hold successful sign-ins against the address', async () => {
    const clinic = await createClinic(ctx);
    const address = uniqueAddress();
    await login(clinic.users.admin.email, TEST_PASSWORD, address).expect(200);
    await login(clinic.users.nurse.email, TEST_PASSWORD, address).expect(200);
    expect(await pointsOf(`login_address:${address}`)).toBe(0);
  });
});

describe('sign-in throttling without TRUST_PROXY', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  it('ignores X-Forwarded-For and counts the connecting address', async () => {
    const forged = `192.0.2.${randomInt(1, 255)}`;
    const email = `nobody-${randomInt(1e9)}@test.example`;
    await request(ctx.server)
      .post('/api/auth/login')
      .set('X-Forwarded-For', forged)
      .send({ email, password: 'wrong-password' })
      .expect(401);
    const rows = (await ctx.dataSource.query(`SELECT key FROM login_limits WHERE key = $1`, [
      `login_address:${forged}`,
    ])) as unknown[];
    expect(rows).toHaveLength(0);
    const loopback = (await ctx.dataSource.query(
      `SELECT key FROM login_limits WHERE key IN ('login_address:::ffff:127.0.0.1', 'login_address:127.0.0.1', 'login_address:::1')`,
    )) as unknown[];
    expect(loopback.length).toBeGreaterThan(0);
  });
});
