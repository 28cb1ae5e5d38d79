import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreatedApiTokenResponse, PatientResponse } from '@itb/contracts';
import request from 'supertest';
import { createClinic, createPatient, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const BASE = '/api/fhir/R4';

/**
 * Personal API tokens (issue 13 part 3): an administrator creates one (the secret shown once, stored
 * hashed, audited), it reads its own clinic's FHIR API and nothing else, records its last use, and a
 * revoked one answers 401.
 */
describe('personal API tokens', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let other: TestClinic;
  let patient: PatientResponse;
  let otherPatient: PatientResponse;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    other = await createClinic(ctx);
    patient = await createPatient(clinic);
    otherPatient = await createPatient(other);
  });
  afterAll(async () => ctx.app.close());

  const create = async (c: TestClinic, name: string) =>
    (await c.as.admin.post('/api/api-tokens').send({ name }).expect(201)).body as CreatedApiTokenResponse;
  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

  it('shows the secret once, stores only its SHA-256 and audits the creation', async () => {
    const created = await create(clinic, 'Registry export');
    expect(created.secret).toMatch(/^itb_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: 'Registry export',
      scope: 'fhir.read',
      prefix: created.secret.slice(0, 14),
      createdBy: { id: clinic.users.admin.id },
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = (await ctx.dataSource.query(`SELECT * FROM api_tokens WHERE id = $1`, [created.token.id])) as [
      Record<string, unknown>,
    ];
    expect(row.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(Object.values(row).map(String)).not.toContain(created.secret);
    const list = await clinic.as.admin.get('/api/api-tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(created.token.id);
    const audits = (await ctx.dataSource.query(
      `SELECT actor_id, after FROM audit_events WHERE entity_type = 'api_token' AND entity_id = $1 AND action = 'api_token.create'`,
      [created.token.id],
    )) as { actor_id: string; after: Record<string, unknown> }[];
    expect(audits).toEqual([
      {
        actor_id: clinic.users.admin.id,
        after: expect.objectContaining({ name: 'Registry export', scope: 'fhir.read' }),
      },
    ]);
    expect(JSON.stringify(audits)).not.toContain(created.secret);
  });

  it("reads its own clinic's FHIR API, records the use, and finds nothing of another clinic", async () => {
    const { token, secret } = await create(clinic, 'Reader');
    const res = await request(ctx.server).get(`${BASE}/Patient`).set(bearer(secret)).expect(200);
    expect(res.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([patient.id]);
    const [used] = (await ctx.dataSource.query(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [token.id])) as [
      { last_used_at: Date | null },
    ];
    expect(used.last_used_at).toBeInstanceOf(Date);
    const listed = await clinic.as.admin.get('/api/api-tokens').expect(200);
    expect(listed.body.items.find((t: { id: string }) => t.id === token.id).lastUsedAt).toBe(
      used.last_used_at!.toISOString(),
    );
    await request(ctx.server).get(`${BASE}/Patient/${otherPatient.id}`).set(bearer(secret)).expect(404);
    await request(ctx.server).get(`${BASE}/Patient/${otherPatient.id}/$everything`).set(bearer(secret)).expect(404);
    const search = await request(ctx.server)
      .get(`${BASE}/Patient`)
      .query({ _id: otherPatient.id })
      .set(bearer(secret))
      .expect(200);
    expect(search.body.entry).toEqual([]);
    // A chart read by a token is audited with no user and the token's id.
    await request(ctx.server).get(`${BASE}/Patient/${patient.id}/$everything`).set(bearer(secret)).expect(200);
    const [audit] = (await ctx.dataSource.query(
      `SELECT actor_id, after FROM audit_events WHERE action = 'fhir.patient_everything' AND patient_id = $1`,
      [patient.id],
    )) as [{ actor_id: string | null; after: object }];
    expect(audit).toEqual({ actor_id: null, after: { via: 'api_token', apiTokenId: token.id } });
  });

  it('cannot call any route but the FHIR API', async () => {
    const { secret } = await create(clinic, 'Narrow');
    for (const [method, path] of [
      ['get', '/api/patients'],
      ['get', `/api/patients/${patient.id}`],
      ['get', '/api/api-tokens'],
      ['get', '/api/auth/me'],
      ['post', '/api/api-tokens'],
    ] as const) {
      const res = await request(ctx.server)[method](path).set(bearer(secret)).send({ name: 'x' });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('answers 401 once revoked, audits the revocation, and refuses an unknown secret even beside a session', async () => {
    const { token, secret } = await create(clinic, 'Short-lived');
    await request(ctx.server).get(`${BASE}/metadata`).set(bearer(secret)).expect(200);
    const revoked = await clinic.as.admin
      .post(`/api/api-tokens/${token.id}/revoke`)
      .send({ reason: 'Vendor contract ended' })
      .expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const res = await request(ctx.server).get(`${BASE}/Patient`).set(bearer(secret)).expect(401);
    expect(res.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [expect.objectContaining({ code: 'login' })],
    });
    // Revoking again changes nothing and writes no second audit row.
    await clinic.as.admin.post(`/api/api-tokens/${token.id}/revoke`).send({}).expect(200);
    const audits = (await ctx.dataSource.query(
      `SELECT actor_id, reason, before, after FROM audit_events WHERE entity_id = $1 AND action = 'api_token.revoke'`,
      [token.id],
    )) as { actor_id: string; before: { revokedAt: string | null }; after: { revokedAt: string | null } }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_id: clinic.users.admin.id,
      reason: 'Vendor contract ended',
      before: { revokedAt: null },
    });
    expect(audits[0]?.after.revokedAt).toEqual(expect.any(String));
    // A bearer header is the request's credential: a bad one is not excused by a good session cookie.
    await clinic.as.specialist.get(`${BASE}/Patient`).set(bearer(secret)).expect(401);
    await clinic.as.specialist.get(`${BASE}/Patient`).set(bearer('itb_pat_not-a-token')).expect(401);
  });

  it("stops working when its creator's account is deactivated, and works again on reactivation", async () => {
    const { secret } = await create(other, 'Personal');
    await request(ctx.server).get(`${BASE}/metadata`).set(bearer(secret)).expect(200);
    await ctx.dataSource.query(`UPDATE users SET is_active = false WHERE id = $1`, [other.users.admin.id]);
    try {
      await request(ctx.server).get(`${BASE}/metadata`).set(bearer(secret)).expect(401);
    } finally {
      await ctx.dataSource.query(`UPDATE users SET is_active = true WHERE id = $1`, [other.users.admin.id]);
    }
    await request(ctx.server).get(`${BASE}/metadata`).set(bearer(secret)).expect(200);
  });

  it("keeps each clinic's tokens to itself: another clinic's admin cannot list or revoke them", async () => {
    const { token, secret } = await create(clinic, 'Ours');
    const theirs = await other.as.admin.get('/api/api-tokens').expect(200);
    expect(theirs.body.items.map((t: { id: string }) => t.id)).not.toContain(token.id);
    await other.as.admin.post(`/api/api-tokens/${token.id}/revoke`).send({}).expect(404);
    await request(ctx.server).get(`${BASE}/metadata`).set(bearer(secret)).expect(200);
  });

  it('refuses a token without a name, writing nothing', async () => {
    const before = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE clinic_id = $1`, [
      clinic.id,
    ])) as [{ n: number }];
    const res = await clinic.as.admin.post('/api/api-tokens').send({ name: '  ' }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
    const after = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE clinic_id = $1`, [
      clinic.id,
    ])) as [{ n: number }];
    expect(after[0].n).toBe(before[0].n);
  });
});
