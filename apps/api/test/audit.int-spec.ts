import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEventResponse } from '@itb/contracts';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

describe('audit viewer', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;

  const list = async (query: Record<string, string>) =>
    (await clinic.as.admin.get('/api/audit-events').query(query).expect(200)).body as {
      items: AuditEventResponse[];
      nextCursor: string | null;
    };

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    const patient = await createPatient(clinic, { givenName: 'Ada', familyName: 'Byron' });
    patientId = patient.id;
    await implantPump(clinic, patientId, new Date(Date.now() - 5 * 86_400_000).toISOString());
    await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['fever'], note: 'Hot' })
      .expect(201);
  });
  afterAll(async () => ctx.app.close());

  it('filters by user, patient, action prefix and date, with names and before/after', async () => {
    const byNurse = await list({ actorId: clinic.users.nurse.id });
    expect(byNurse.items.map((a) => a.action)).toEqual(['flag.raise', 'auth.login']);
    expect(byNurse.items[0]).toMatchObject({
      actorName: expect.stringMatching(/^Test nurse/),
      patientName: 'Byron, Ada',
      after: { code: 'manual', severity: 'critical', signs: ['fever'] },
    });
    const forPatient = await list({ patientId, action: 'pump.' });
    expect(forPatient.items.map((a) => a.action)).toEqual(['pump.implant']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ patientId, from: today, to: today })).items.length).toBeGreaterThanOrEqual(3);
    expect((await list({ patientId, to: '2020-01-01' })).items).toEqual([]);
  });

  it('pages newest first without repeats', async () => {
    const all = (await list({ patientId, limit: '200' })).items.map((a) => a.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditEventResponse[]; nextCursor: string | null } = await list({
        patientId,
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => b - a));
  });

  it('refuses clinicians and bad filters', async () => {
    await clinic.as.specialist.get('/api/audit-events').expect(403);
    const bad = await clinic.as.admin
      .get('/api/audit-events')
      .query({ from: '2026-02-30x', actorId: 'me' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['actorId', 'from']);
  });
});
