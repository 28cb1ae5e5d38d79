import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RefillQueueRow } from '@itb/contracts';
import { createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const NOW = '2026-06-10T10:00:00.000Z'; // a Wednesday; 11:00 BST in London
const daysFromNow = (days: number) => new Date(Date.parse(NOW) + days * DAY_MS).toISOString();

/**
 * A hand-built clinic. Every pump is DESIGN.md's worked example (alarm 90 days after the fill,
 * refill-by 5 days before the alarm date), filled so that its refill-by falls `offset` days from today.
 */
const PUMPS = [
  { name: 'Aoverdue', offset: -10, highRisk: false }, // alarm 5 days ago: REFILL_OVERDUE (critical)
  { name: 'Boverdue', offset: -3, highRisk: true },
  { name: 'Cdue', offset: 5, highRisk: false },
  { name: 'Ddue', offset: 5, highRisk: true }, // ties with C: high risk first
  { name: 'Elater', offset: 20, highRisk: false },
  { name: 'Foutside', offset: 40, highRisk: false }, // beyond the 30-day window
] as const;

describe('refill queue', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  const pumpOf = new Map<string, string>();
  const patientOf = new Map<string, string>();

  const queue = async (query = '') =>
    (await clinic.as.specialist.get(`/api/refill-queue?${query}`).expect(200)).body as {
      items: RefillQueueRow[];
      nextCursor: string | null;
    };
  const names = (rows: RefillQueueRow[]) => rows.map((r) => r.patientName.split(',')[0]!);

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(NOW);
    for (const p of PUMPS) {
      const patient = await createPatient(clinic, {
        familyName: p.name,
        riskFactors: p.highRisk ? ['sci_t6_or_above'] : [],
        primarySpecialistId: p.name === 'Elater' ? clinic.users.specialist.id : null,
      });
      const pump = await implantPump(clinic, patient.id, daysFromNow(p.offset - 85));
      pumpOf.set(p.name, pump.id);
      patientOf.set(p.name, patient.id);
    }
    // Another clinic's overdue pump never shows.
    const other = await createClinic(ctx);
    const stranger = await createPatient(other, { familyName: 'Stranger' });
    await implantPump(other, stranger.id, daysFromNow(-100));
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('puts the most overdue first, then by refill-by, high-risk first on ties, within 30 days', async () => {
    const { items, nextCursor } = await queue();
    expect(names(items)).toEqual(['Aoverdue', 'Boverdue', 'Ddue', 'Cdue', 'Elater']);
    expect(nextCursor).toBeNull();
    const [a, b, d] = items;
    expect(a).toMatchObject({
      refillBy: '2026-05-31',
      isOverdue: true,
      daysOverdue: 10,
      daysToAlarm: -5,
      volumeNowMl: 1, // 95 days at 0.2 mL/day from 20 mL
      emptyAt: daysFromNow(5), // 20 mL / 0.2 mL/day = 100 days after the fill
      hoursWithoutDrug: null,
      worstFlag: { code: 'REFILL_OVERDUE', severity: 'critical' },
      proposedDate: '2026-06-10', // overdue: today, a clinic day
      nextAppointment: null,
    });
    expect(b).toMatchObject({ isOverdue: true, daysOverdue: 3, isHighRisk: true, daysToAlarm: 2 });
    expect(d).toMatchObject({ refillBy: '2026-06-15', isOverdue: false, daysOverdue: 0, proposedDate: '2026-06-15' });
  });

  it('says how long a dry reservoir has been without drug', async () => {
    const dryClinic = await createClinic(ctx);
    const patient = await createPatient(dryClinic, { familyName: 'Dry' });
    // Filled 102 days and 2 hours ago: empty 100 days after the fill, so 50 hours without drug.
    await implantPump(dryClinic, patient.id, new Date(Date.parse(NOW) - 102 * DAY_MS - 2 * 3_600_000).toISOString());
    const res = await dryClinic.as.specialist.get('/api/refill-queue').expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        emptyAt: new Date(Date.parse(NOW) - 2 * DAY_MS - 2 * 3_600_000).toISOString(),
        hoursWithoutDrug: 50,
        volumeNowMl: 0,
      }),
    ]);
  });

  it('filters by window, clinician, booking and flag severity', async () => {
    expect(names((await queue('withinDays=10')).items)).toEqual(['Aoverdue', 'Boverdue', 'Ddue', 'Cdue']);
    expect(names((await queue('withinDays=0')).items)).toEqual(['Aoverdue', 'Boverdue']);
    expect(names((await queue(`clinicianId=${clinic.users.specialist.id}`)).items)).toEqual(['Elater']);
    expect(names((await queue('minSeverity=critical')).items)).toEqual(['Aoverdue']);
    const bad = await clinic.as.specialist.get('/api/refill-queue?withinDays=-1&unscheduledOnly=maybe').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['unscheduledOnly', 'withinDays']);
  });

  it('keeps keyset pages free of skips and repeats while refills are recorded between them', async () => {
    const seen: string[] = [];
    // A 90-day window: refilled pumps (new refill-by in 85 days) stay in it, so a naive keyset would show
    // A twice and skip nothing, and D would jump behind F.
    let page = await queue('withinDays=90&limit=2');
    seen.push(...names(page.items));
    expect(seen).toEqual(['Aoverdue', 'Boverdue']);
    // A (already shown) is refilled and moves far out; D (not yet shown) is refilled too.
    for (const name of ['Aoverdue', 'Ddue']) {
      const residual = name === 'Aoverdue' ? 1 : 4; // 20 − 95 × 0.2 and 20 − 80 × 0.2
      await clinic.as.nurse
        .post(`/api/pumps/${pumpOf.get(name)}/fills`)
        .send({
          pumpVersion: await pumpVersionOf(ctx, pumpOf.get(name)!),
          performedAt: new Date(Date.parse(NOW) - 3_600_000).toISOString(),
          residualWithdrawnMl: residual,
          volumeAddedMl: 20,
          concentrationMcgPerMl: 2000,
          dailyDoseMcg: 400,
          drugProduct: 'Lioresal Intrathecal',
          lotNumber: 'LOT-Q',
          lotExpiresOn: '2028-01-01',
        })
        .expect(201);
    }
    while (page.nextCursor) {
      page = await queue(`limit=2&cursor=${page.nextCursor}`);
      seen.push(...names(page.items));
    }
    expect(seen).toEqual(['Aoverdue', 'Boverdue', 'Ddue', 'Cdue', 'Elater', 'Foutside']);
    // A fresh first page reflects the refills: A and D now come last (D, high risk, first on the tie).
    expect(names((await queue('withinDays=90')).items)).toEqual([
      'Boverdue',
      'Cdue',
      'Elater',
      'Foutside',
      'Ddue',
      'Aoverdue',
    ]);
  });
});
