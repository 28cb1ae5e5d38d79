import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createClinic, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

describe('sign-in and sessions', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  it('signs in with a valid password and sets an httpOnly SameSite session cookie', async () => {
    const res = await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: clinic.users.nurse.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({ email: clinic.users.nurse.email, role: 'nurse', clinic: { id: clinic.id } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/itb_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('stores argon2id hashes and only a digest of the session token', async () => {
    const [user] = (await ctx.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      clinic.users.nurse.id,
    ])) as [{ password_hash: string }];
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const res = await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: clinic.users.admin.email, password: TEST_PASSWORD });
    const token = /itb_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const rows = (await ctx.dataSource.query(`SELECT id FROM sessions WHERE id = $1`, [token])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('answers 401 with one message for a wrong password and for an unknown email', async () => {
    const wrong = await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: clinic.users.specialist.email, password: 'not-the-password' })
      .expect(401);
    const unknown = await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: 'whatever-password' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a malformed sign-in with the field named', async () => {
    const res = await request(ctx.server).post('/api/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
  });

  it('ends the session on logout', async () => {
    const agent = request.agent(ctx.server);
    await agent
      .post('/api/auth/login')
      .send({ email: clinic.users.specialist.email, password: TEST_PASSWORD })
      .expect(200);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const idle = request.agent(ctx.server);
    await idle.post('/api/auth/login').send({ email: clinic.users.nurse.email, password: TEST_PASSWORD }).expect(200);
    await ctx.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL`,
      [clinic.users.nurse.id],
    );
    await idle.get('/api/auth/me').expect(401);

    const old = request.agent(ctx.server);
    await old.post('/api/auth/login').send({ email: clinic.users.nurse.email, password: TEST_PASSWORD }).expect(200);
    await old.get('/api/auth/me').expect(200);
    await ctx.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '12 hours 1 minute' WHERE user_id = $1 AND revoked_at IS NULL`,
      [clinic.users.nurse.id],
    );
    await old.get('/api/auth/me').expect(401);
  });
});
