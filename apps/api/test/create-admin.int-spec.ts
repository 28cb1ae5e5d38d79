import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createFirstAdmin } from '../src/cli/first-admin.js';
import { createTestApp, type TestContext } from './test-app.js';

const STRONG = 'violet-harbor-kettle-58';

describe('npm run create-admin: the first administrator of a real deployment', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  const input = (tag: string) => ({
    email: `First.Admin-${tag}@Clinic.example`,
    name: 'Ada First',
    clinicName: `St Elsewhere ${tag}`,
    timeZone: 'Europe/London',
  });

  it('makes the clinic and an administrator without a password, who sets one through the printed link', async () => {
    const tag = randomUUID().slice(0, 8);
    const created = await createFirstAdmin(ctx.dataSource, input(tag), new Date('2026-03-02T09:00:00Z'));
    expect(created.isNewClinic).toBe(true);
    expect(created.invitation.expiresAt).toBe('2026-03-05T09:00:00.000Z');
    const email = `first.admin-${tag}@clinic.example`;
    await request(ctx.server).post('/api/auth/login').send({ email, password: STRONG }).expect(401);

    ctx.clock.set('2026-03-02T10:00:00Z');
    await request(ctx.server)
      .post('/api/auth/invitations/accept')
      .send({ token: created.invitation.token, password: STRONG })
      .expect(204);
    ctx.clock.reset();
    const admin = request.agent(ctx.server);
    const me = await admin.post('/api/auth/login').send({ email, password: STRONG }).expect(200);
    expect(me.body).toMatchObject({ role: 'admin', name: 'Ada First', clinic: { name: `St Elsewhere ${tag}` } });
    const audit = (await ctx.dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [created.userId],
    )) as { action: string; actor_id: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.set_password', 'auth.login']);
    expect(audit[0]!.actor_id).toBeNull();
  });

  it('refuses a second administrator for the same clinic, a taken email and a zone PostgreSQL does not know', async () => {
    const tag = randomUUID().slice(0, 8);
    await createFirstAdmin(ctx.dataSource, input(tag));
    await expect(
      createFirstAdmin(ctx.dataSource, { ...input(tag), email: `other-${tag}@clinic.example` }),
    ).rejects.toThrow(/already has an administrator/);
    await expect(createFirstAdmin(ctx.dataSource, { ...input(tag), clinicName: `Other ${tag}` })).rejects.toThrow(
      /already exists/,
    );
    const other = randomUUID().slice(0, 8);
    await expect(createFirstAdmin(ctx.dataSource, { ...input(other), timeZone: 'US/Pacific-New' })).rejects.toThrow(
      /not one PostgreSQL knows/,
    );
    const clinics = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM clinics WHERE name = $1`, [
      `St Elsewhere ${other}`,
    ])) as [{ n: number }];
    expect(clinics[0].n).toBe(0);
  });
});
