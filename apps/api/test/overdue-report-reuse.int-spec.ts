import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { OverdueReport } from '@itb/contracts';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const NOW = '2026-06-10T10:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(NOW) + offsetMs).toISOString();

/**
 * The report is answered again, without its heavy statements, while nothing is written in the clinic
 * and less than a minute has passed (issue 15); a write, or a minute of the clock, makes it fresh.
 */
describe('overdue report reuse', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pumpId: string;
  let patientId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(NOW);
    const patient = await createPatient(clinic, { familyName: 'Reused' });
    patientId = patient.id;
    // Filled 100 days ago: alarm at 90 days, refill-by 5 days before it — overdue by 15 days.
    pumpId = (await implantPump(clinic, patient.id, at(-100 * DAY_MS))).id;
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  /** The report, and how many of its grouped passes reached the database. */
  async function report(): Promise<{ body: OverdueReport; passes: number }> {
    let passes = 0;
    const original = ctx.dataSource.query.bind(ctx.dataSource);
    const spy = jest.spyOn(ctx.dataSource, 'query').mockImplementation((async (sql: string, params?: unknown[]) => {
      if (sql.includes('GROUPING SETS')) passes++;
      return original(sql, params);
    }) as typeof ctx.dataSource.query);
    try {
      const res = await clinic.as.admin.get('/api/reports/overdue').expect(200);
      return { body: res.body as OverdueReport, passes };
    } finally {
      spy.mockRestore();
    }
  }

  it('answers the same report again without recomputing it while nothing changed', async () => {
    const first = await report();
    expect(first.passes).toBe(1);
    expect(first.body.headline.overdueNow).toBe(1);
    // Opening a patient's record is audited, but changes nothing the report counts; nor does a flag
    // raised and acknowledged (the report reads no flag, and the hourly pass writes thousands).
    await clinic.as.admin.get(`/api/patients/${patientId}`).expect(200);
    const flag = await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['pruritus'], note: 'Itching since yesterday' })
      .expect(201);
    await clinic.as.specialist.post(`/api/flags/${flag.body.id}/acknowledge`).send({ note: 'Seen' }).expect(200);
    ctx.clock.set(at(59_000));
    const again = await report();
    expect(again.passes).toBe(0);
    expect(again.body).toEqual(first.body);
  });

  it('computes afresh after a write in the clinic, at once', async () => {
    ctx.clock.set(at(60_000 - 500));
    await report();
    await clinic.as.nurse
      .post(`/api/pumps/${pumpId}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pumpId),
        performedAt: at(-60_000),
        // 100 days at 0.2 mL/day drain the 20 mL: nothing is left to withdraw.
        residualWithdrawnMl: 0,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-REUSE',
        lotExpiresOn: '2030-01-01',
        primingBolusMl: null,
      })
      .expect(201);
    const after = await report();
    expect(after.passes).toBe(1);
    expect(after.body.headline.overdueNow).toBe(0);
  });

  it('computes afresh once a minute has passed, with no write', async () => {
    const before = await report();
    ctx.clock.set(new Date(Date.parse(NOW) + 10 * 60_000).toISOString());
    const later = await report();
    expect(later.passes).toBe(1);
    expect(later.body).toEqual(before.body);
  });
});
