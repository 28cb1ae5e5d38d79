import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countAuditEvents, createClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

describe('clinic settings: the time zone', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  const storedZone = async (clinicId: string) =>
    (
      (await ctx.dataSource.query(`SELECT time_zone, version FROM clinics WHERE id = $1`, [clinicId])) as [
        { time_zone: string; version: number },
      ]
    )[0];

  it('refuses a zone Node accepts but Postgres does not (US/Pacific-New) with 400 naming timeZone, saving nothing', async () => {
    // The premise: this runtime's ICU still knows the zone, so the contract's own check lets it through…
    expect(() => new Intl.DateTimeFormat('en', { timeZone: 'US/Pacific-New' })).not.toThrow();
    // …and the database does not (it was dropped from tzdata in 2020b).
    const [known] = (await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_timezone_names WHERE name = 'US/Pacific-New'`,
    )) as [{ n: number }];
    expect(known.n).toBe(0);

    const clinic = await createClinic(ctx);
    const audits = await countAuditEvents(ctx, clinic.id);
    const res = await clinic.as.admin.patch('/api/clinic').send({ version: 1, timeZone: 'US/Pacific-New' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    expect(await storedZone(clinic.id)).toEqual({ time_zone: 'Europe/London', version: 1 });
    expect(await countAuditEvents(ctx, clinic.id)).toBe(audits);
    // The clinic still answers (the refill queue runs its calendar arithmetic in Postgres with the zone).
    await clinic.as.nurse.get('/api/refill-queue').expect(200);
  });

  it('refuses a name no one knows, and saves a zone the database knows', async () => {
    const clinic = await createClinic(ctx);
    const bad = await clinic.as.admin
      .patch('/api/clinic')
      .send({ version: 1, timeZone: 'Mars/Olympus_Mons' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    const ok = await clinic.as.admin.patch('/api/clinic').send({ version: 1, timeZone: 'America/Chicago' }).expect(200);
    expect(ok.body).toMatchObject({ timeZone: 'America/Chicago', version: 2 });
    expect(await storedZone(clinic.id)).toEqual({ time_zone: 'America/Chicago', version: 2 });
  });
});
