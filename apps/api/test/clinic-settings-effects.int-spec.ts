import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FlagResponse, RefillQueueRow } from '@itb/contracts';
import { FlagScheduler } from '../src/modules/flags/flag-scheduler.js';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

const HOUR_MS = 3_600_000;
/** A Monday; London is on BST (UTC+1), so every instant below is on the same local date as in UTC. */
const FILL_AT = '2026-06-01T09:00:00.000Z';
/** 50 days later, a Tuesday: 2026-07-21 in London. */
const TODAY_START = '2026-07-21T09:00:00.000Z';

/**
 * Every clinic setting changed through PATCH /api/clinic and followed into the projection, the refill
 * queue and the hourly flag pass. The pass reads every pump of the database, so this file has one of
 * its own. The pump: 20 mL of 2000 mcg/mL at 400 mcg/day drains 0.2 mL/day and reaches the 2 mL alarm
 * after (20 − 2) / 0.2 = 90 days, at 2026-08-30T09:00Z (a Sunday; 2026-08-30 in London).
 */
describe('clinic settings reach the projection, the queue and the flags', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;
  let clinicVersion = 1;
  let patientId: string;
  let pumpId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ databaseUrl: await createIsolatedDatabase(), clock });
    clinic = await createClinic(ctx); // lead 5 days, stability 180 days, due-soon 14 days, Monday–Friday
    clock.set(TODAY_START);
    patientId = (await createPatient(clinic)).id;
    pumpId = (await implantPump(clinic, patientId, FILL_AT)).id;
  });
  afterAll(async () => ctx.app.close());

  const patch = async (settings: Record<string, unknown>) => {
    const res = await clinic.as.admin
      .patch('/api/clinic')
      .send({ version: clinicVersion, ...settings })
      .expect(200);
    clinicVersion = res.body.version as number;
  };
  const projection = async () => (await clinic.as.nurse.get(`/api/pumps/${pumpId}/projection`).expect(200)).body;
  const queueRow = async () => {
    const res = await clinic.as.nurse.get('/api/refill-queue?withinDays=60').expect(200);
    const rows = res.body.items as RefillQueueRow[];
    expect(rows.map((r) => r.pumpId)).toEqual([pumpId]);
    return rows[0]!;
  };
  /** The next hour's scheduled pass (a pass runs once per hour), then the pump's open flags. */
  const hourlyPass = async () => {
    clock.set(new Date(clock.now().getTime() + HOUR_MS));
    await ctx.app.get(FlagScheduler).runDueTick();
    return (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}`).expect(200)).body.items as FlagResponse[];
  };
  const resolvedCodes = async () =>
    (
      (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&status=resolved`).expect(200)).body
        .items as FlagResponse[]
    ).map((f) => f.code);

  it('starts from the defaults: refill by 2026-08-25 (alarm date 08-30 − 5 lead days), 35 days away, no flag', async () => {
    expect(await projection()).toMatchObject({ refillBy: '2026-08-25', isRefillByStabilityCapped: false });
    expect(await queueRow()).toMatchObject({ refillBy: '2026-08-25', proposedDate: '2026-08-25' });
    expect(await hourlyPass()).toEqual([]);
  });

  it('moves the refill-by date with the lead days, in the projection and in the queue', async () => {
    await patch({ refillLeadDays: 10 });
    // 2026-08-30 − 10 days = 2026-08-20, a Thursday (a clinic day, so the proposal is the date itself).
    expect(await projection()).toMatchObject({ refillBy: '2026-08-20' });
    expect(await queueRow()).toMatchObject({ refillBy: '2026-08-20', proposedDate: '2026-08-20' });
  });

  it('proposes the last clinic day on or before the refill-by date from the clinic days', async () => {
    await patch({ clinicDays: [1] });
    // Mondays only: the last Monday on or before Thursday 2026-08-20 is 2026-08-17 (11 weeks after 06-01).
    expect(await queueRow()).toMatchObject({ refillBy: '2026-08-20', proposedDate: '2026-08-17' });
    await patch({ clinicDays: [4, 5] });
    expect(await queueRow()).toMatchObject({ proposedDate: '2026-08-20' });
  });

  it('raises "due, not booked" once the due-soon window reaches the refill-by date, and clears it when it shrinks', async () => {
    // From today 2026-07-21 to 2026-08-20 is 30 days: a 29-day window does not reach it, 30 does.
    await patch({ dueSoonWindowDays: 29 });
    expect(await hourlyPass()).toEqual([]);
    await patch({ dueSoonWindowDays: 30 });
    const [due] = await hourlyPass();
    expect(due).toMatchObject({
      code: 'REFILL_DUE_UNSCHEDULED',
      severity: 'high',
      details: { facts: { refillBy: '2026-08-20', daysToRefillBy: 30 } },
    });
    await patch({ dueSoonWindowDays: 14 });
    expect(await hourlyPass()).toEqual([]);
    expect(await resolvedCodes()).toEqual(['REFILL_DUE_UNSCHEDULED']);
  });

  it('caps the refill-by date at the drug-stability limit and raises DRUG_STABILITY_EXCEEDED on its date', async () => {
    // 51 days: the limit is 2026-06-01 + 51 = 2026-07-22, tomorrow, before the alarm's 08-20.
    await patch({ maxDrugDaysInPump: 51 });
    expect(await projection()).toMatchObject({ refillBy: '2026-07-22', isRefillByStabilityCapped: true });
    expect(await queueRow()).toMatchObject({ refillBy: '2026-07-22' });
    // Tomorrow is 1 day away, inside the 14-day window: due and unbooked — but stability not yet exceeded.
    expect((await hourlyPass()).map((f) => f.code)).toEqual(['REFILL_DUE_UNSCHEDULED']);

    // 50 days: the limit is 2026-07-21, today.
    await patch({ maxDrugDaysInPump: 50 });
    expect(await projection()).toMatchObject({ refillBy: '2026-07-21', isRefillByStabilityCapped: true });
    const flags = await hourlyPass();
    expect(flags.map((f) => f.code).sort()).toEqual(['DRUG_STABILITY_EXCEEDED', 'REFILL_DUE_UNSCHEDULED']);
    expect(flags.find((f) => f.code === 'DRUG_STABILITY_EXCEEDED')).toMatchObject({
      severity: 'high',
      details: { facts: { limitOn: '2026-07-21', maxDrugDaysInPump: 50 } },
    });

    // Back to 180 days: the alarm sets the date again and both flags clear on the next pass.
    await patch({ maxDrugDaysInPump: 180 });
    expect(await projection()).toMatchObject({ refillBy: '2026-08-20', isRefillByStabilityCapped: false });
    expect(await queueRow()).toMatchObject({ refillBy: '2026-08-20' });
    expect(await hourlyPass()).toEqual([]);
    expect((await resolvedCodes()).sort()).toEqual([
      'DRUG_STABILITY_EXCEEDED',
      'REFILL_DUE_UNSCHEDULED',
      'REFILL_DUE_UNSCHEDULED',
    ]);
  });
});
