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

  it('lets an admin create, deactivate and reset users, ending the deactivated user’s sessions', async () => {
    const own = await createClinic(ctx);
    const created = await own.as.admin
      .post('/api/users')
      .send({
        email: `new-${own.id.slice(0, 6)}@test.example`,
        name: 'New Nurse',
        role: 'nurse',
        password: 'a-long-password-1',
      })
      .expect(201);
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ email: created.body.email, password: 'a-long-password-1' }).expect(200);
    await own.as.admin.patch(`/api/users/${created.body.id}`).send({ version: 1, isActive: false }).expect(200);
    await agent.get('/api/auth/me').expect(401);
    await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: created.body.email, password: 'a-long-password-1' })
      .expect(401);

    const reset = await own.as.admin
      .patch(`/api/users/${created.body.id}`)
      .send({ version: 2, isActive: true, password: 'another-long-pass' })
      .expect(200);
    expect(reset.body.isActive).toBe(true);
    await request(ctx.server)
      .post('/api/auth/login')
      .send({ email: created.body.email, password: 'another-long-pass' })
      .expect(200);
    const audit = await own.as.admin.get('/api/audit-events').query({ entityId: created.body.id }).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.update', 'user.reset_password']),
    );
    expect(JSON.stringify(audit.body.items)).not.toContain('argon2');
  });

  it('refuses a duplicate user email with 409 and a stale user version with 409', async () => {
    const res = await clinic.as.admin
      .post('/api/users')
      .send({ email: clinic.users.nurse.email, name: 'Dup', role: 'nurse', password: 'a-long-password-1' })
      .expect(409);
    expect(res.body.details).toEqual([{ field: 'email', message: 'is already in use' }]);
    const stale = await clinic.as.admin
      .patch(`/api/users/${clinic.users.nurse.id}`)
      .send({ version: 99, name: 'X' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
  });
});
