import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserWithInvitationResponse } from '@itb/contracts';
import request from 'supertest';
import { countRows, createClinic, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const STRONG = 'violet-harbor-kettle-58';
const ANOTHER_STRONG = 'Glacier-Tulip-Orbit-93';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

describe('users set their own passwords: invitations, resets, deactivation, changing one’s password', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterEach(() => ctx.clock.reset());
  afterAll(async () => ctx.app.close());

  const invite = async (role: 'nurse' | 'specialist' = 'nurse'): Promise<UserWithInvitationResponse> => {
    const res = await clinic.as.admin
      .post('/api/users')
      .send({ email: `invited-${++seq}-${clinic.id.slice(0, 6)}@test.example`, name: 'Nell Invited', role })
      .expect(201);
    return res.body as UserWithInvitationResponse;
  };
  const accept = (token: string, password: string) =>
    request(ctx.server).post('/api/auth/invitations/accept').send({ token, password });
  const signIn = async (email: string, password: string, status = 200) => {
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ email, password }).expect(status);
    return agent;
  };
  const auditActions = async (userId: string): Promise<string[]> => {
    const rows = (await ctx.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.%' ORDER BY occurred_at, id`,
      [userId],
    )) as { action: string }[];
    return rows.map((r) => r.action);
  };

  it('creates a user without a password and answers a one-time link, valid 72 hours, stored only as a hash', async () => {
    ctx.clock.set('2026-03-02T09:00:00Z');
    const { user, invitation } = await invite();
    expect(user).toMatchObject({ hasPassword: false, isActive: true, invitationExpiresAt: '2026-03-05T09:00:00.000Z' });
    // 72 h after 2 March 09:00 UTC is 5 March 09:00 UTC.
    expect(invitation.expiresAt).toBe('2026-03-05T09:00:00.000Z');
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.path).toBe(`/set-password#token=${invitation.token}`);
    const [row] = (await ctx.dataSource.query(`SELECT password_hash, invitation_token_hash FROM users WHERE id = $1`, [
      user.id,
    ])) as [{ password_hash: string | null; invitation_token_hash: string }];
    expect(row).toEqual({ password_hash: null, invitation_token_hash: sha256(invitation.token) });
    // Nothing the admin typed, and no empty password, signs in as the new user.
    await signIn(user.email, TEST_PASSWORD, 401);
    const listed = await clinic.as.admin.get('/api/users').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(invitation.token);
    expect(JSON.stringify(await auditActions(user.id))).not.toContain(invitation.token);
  });

  it('refuses a password chosen by an administrator, on create and on update, naming the field', async () => {
    const before = await countRows(ctx, 'users', clinic.id);
    const created = await clinic.as.admin
      .post('/api/users')
      .send({
        email: `chosen-${clinic.id.slice(0, 6)}@test.example`,
        name: 'Chosen',
        role: 'specialist',
        password: STRONG,
      })
      .expect(400);
    expect(fieldsOf(created.body)).toEqual(['password']);
    expect(await countRows(ctx, 'users', clinic.id)).toBe(before);
    const updated = await clinic.as.admin
      .patch(`/api/users/${clinic.users.specialist.id}`)
      .send({ version: 1, password: STRONG })
      .expect(400);
    expect(fieldsOf(updated.body)).toEqual(['password']);
    await signIn(clinic.users.specialist.email, STRONG, 401);
  });

  it('lets the invited user set a strong password once, through the link', async () => {
    const { user, invitation } = await invite();
    const lookup = await request(ctx.server)
      .post('/api/auth/invitations/lookup')
      .send({ token: invitation.token })
      .expect(200);
    expect(lookup.body).toEqual({ email: user.email, name: 'Nell Invited', expiresAt: invitation.expiresAt });

    const short = await accept(invitation.token, 'Sh0rt-pass').expect(400);
    expect(short.body.details).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
    const common = await accept(invitation.token, 'password1234').expect(400);
    expect(common.body.details[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/^is too easy/) });
    // The user's own name and email count as guessable words.
    const own = await accept(invitation.token, 'nellinvited1').expect(400);
    expect(fieldsOf(own.body)).toEqual(['password']);

    await accept(invitation.token, STRONG).expect(204);
    await signIn(user.email, STRONG);
    const again = await accept(invitation.token, ANOTHER_STRONG).expect(404);
    expect(again.body.code).toBe('NOT_FOUND');
    await signIn(user.email, ANOTHER_STRONG, 401);
    const [row] = (await ctx.dataSource.query(`SELECT invitation_token_hash FROM users WHERE id = $1`, [user.id])) as [
      { invitation_token_hash: string | null },
    ];
    expect(row.invitation_token_hash).toBeNull();
    expect(await auditActions(user.id)).toEqual(['user.create', 'user.set_password']);
  });

  it('refuses an invitation link from 72 hours after it was made, and a malformed token with 400', async () => {
    ctx.clock.set('2026-03-02T09:00:00Z');
    const { invitation } = await invite();
    ctx.clock.set('2026-03-05T08:59:00Z');
    await request(ctx.server).post('/api/auth/invitations/lookup').send({ token: invitation.token }).expect(200);
    ctx.clock.set('2026-03-05T09:00:00Z');
    await request(ctx.server).post('/api/auth/invitations/lookup').send({ token: invitation.token }).expect(404);
    const expired = await accept(invitation.token, STRONG).expect(404);
    expect(expired.body.message).toMatch(/expired/);
    const malformed = await accept('not-a-token', STRONG).expect(400);
    expect(fieldsOf(malformed.body)).toEqual(['token']);
  });

  it('reset: the old password stops working, every session ends, and only the new link sets a password', async () => {
    const { user, invitation: first } = await invite();
    await accept(first.token, STRONG).expect(204);
    const laptop = await signIn(user.email, STRONG);
    const phone = await signIn(user.email, STRONG);
    const [{ version }] = (await ctx.dataSource.query(`SELECT version FROM users WHERE id = $1`, [user.id])) as [
      { version: number },
    ];
    const reset = await clinic.as.admin.post(`/api/users/${user.id}/reset`).send({ version }).expect(200);
    const { invitation: second, user: after } = reset.body as UserWithInvitationResponse;
    expect(after).toMatchObject({ hasPassword: false, isActive: true });
    expect(second.token).not.toBe(first.token);

    await laptop.get('/api/auth/me').expect(401);
    await phone.get('/api/auth/me').expect(401);
    await signIn(user.email, STRONG, 401);
    await accept(first.token, ANOTHER_STRONG).expect(404);
    await accept(second.token, ANOTHER_STRONG).expect(204);
    await signIn(user.email, ANOTHER_STRONG);
    expect(await auditActions(user.id)).toEqual([
      'user.create',
      'user.set_password',
      'user.reset',
      'user.set_password',
    ]);

    const stale = await clinic.as.admin.post(`/api/users/${user.id}/reset`).send({ version }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const self = await clinic.as.admin
      .post(`/api/users/${clinic.users.admin.id}/reset`)
      .send({ version: 1 })
      .expect(422);
    expect(self.body.code).toBe('RULE_VIOLATION');
  });

  it('deactivation ends the user’s sessions, refuses their sign-in and their pending link; reactivation restores sign-in', async () => {
    const { user, invitation } = await invite();
    await accept(invitation.token, STRONG).expect(204);
    const session = await signIn(user.email, STRONG);
    const { user: pending, invitation: pendingLink } = await invite();

    await clinic.as.admin.patch(`/api/users/${user.id}`).send({ version: 2, isActive: false }).expect(200);
    await session.get('/api/auth/me').expect(401);
    await signIn(user.email, STRONG, 401);
    await clinic.as.admin.patch(`/api/users/${pending.id}`).send({ version: 1, isActive: false }).expect(200);
    await accept(pendingLink.token, STRONG).expect(404);

    await clinic.as.admin.patch(`/api/users/${user.id}`).send({ version: 3, isActive: true }).expect(200);
    await signIn(user.email, STRONG);
    expect(await auditActions(user.id)).toEqual([
      'user.create',
      'user.set_password',
      'user.deactivate',
      'user.reactivate',
    ]);
  });

  it('changes one’s own password with the current one, ending the other sessions and keeping this one', async () => {
    const { user, invitation } = await invite('specialist');
    await accept(invitation.token, STRONG).expect(204);
    const here = await signIn(user.email, STRONG);
    const elsewhere = await signIn(user.email, STRONG);

    const wrong = await here
      .post('/api/auth/password')
      .send({ currentPassword: 'not-the-password', newPassword: ANOTHER_STRONG })
      .expect(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'is not right' }]);
    const weak = await here
      .post('/api/auth/password')
      .send({ currentPassword: STRONG, newPassword: 'qwertyuiop12' })
      .expect(400);
    expect(fieldsOf(weak.body)).toEqual(['newPassword']);
    const missing = await here.post('/api/auth/password').send({ newPassword: ANOTHER_STRONG }).expect(400);
    expect(fieldsOf(missing.body)).toEqual(['currentPassword']);
    await elsewhere.get('/api/auth/me').expect(200);

    await here.post('/api/auth/password').send({ currentPassword: STRONG, newPassword: ANOTHER_STRONG }).expect(204);
    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await signIn(user.email, STRONG, 401);
    await signIn(user.email, ANOTHER_STRONG);
    expect(await auditActions(user.id)).toEqual(['user.create', 'user.set_password', 'user.change_password']);
    await request(ctx.server)
      .post('/api/auth/password')
      .send({ currentPassword: ANOTHER_STRONG, newPassword: STRONG })
      .expect(401);
  });

  it('refuses a duplicate user email with 409 and a stale user version with 409', async () => {
    const res = await clinic.as.admin
      .post('/api/users')
      .send({ email: clinic.users.nurse.email, name: 'Dup', role: 'nurse' })
      .expect(409);
    expect(res.body.details).toEqual([{ field: 'email', message: 'is already in use' }]);
    const stale = await clinic.as.admin
      .patch(`/api/users/${clinic.users.nurse.id}`)
      .send({ version: 99, name: 'X' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
  });
});
