import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PumpEntity } from '../src/modules/pumps/pump.entity.js';
import { PumpsRepository } from '../src/modules/pumps/pumps.repository.js';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const NOW = '2026-06-10T10:00:00.000Z';
const FIRST_FILL = '2026-05-01T08:00:00.000Z';
const REFILL = '2026-05-20T09:00:00.000Z';
const DOSE_CHANGE = '2026-05-25T10:00:00.000Z';

/**
 * A refill and a dose change read everything they check in one statement
 * (PumpsRepository.clinicalWriteContext). These are its answers for a pump with a known history,
 * worked by hand, including instants that differ from the fill only below a millisecond: a bolus there
 * counts as given at the fill (the boluses were compared as JavaScript dates), an empty alarm as after it
 * (it was compared in SQL with the fill's instant as a JavaScript date).
 */
describe('the clinical write context', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pump: PumpEntity;
  let refillId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.set(NOW);
    clinic = await createClinic(ctx);
    const patient = await createPatient(clinic, { birthDate: '1970-05-14', spasticityOrigin: 'cerebral' });
    const implanted = await implantPump(clinic, patient.id, FIRST_FILL);
    // 19 days 1 hour at 0.2 mL/day from 20 mL: 16.19 mL left; refilled to 20 mL at the same dose.
    const refill = await clinic.as.specialist
      .post(`/api/pumps/${implanted.id}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, implanted.id),
        performedAt: REFILL,
        residualWithdrawnMl: 16.2,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-CTX',
        lotExpiresOn: '2030-01-01',
        confirmShortInterval: true,
      })
      .expect(201);
    refillId = (refill.body as { id: string }).id;
    await clinic.as.specialist
      .post(`/api/pumps/${implanted.id}/dose-adjustments`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, implanted.id),
        effectiveAt: DOSE_CHANGE,
        newDailyDoseMcg: 440,
        reason: 'titration_up',
        orderedById: clinic.users.specialist.id,
      })
      .expect(201);
    // Boluses and empty alarms 0.4 ms after the refill (its own millisecond) and later.
    await ctx.dataSource.query(
      `INSERT INTO pump_events (clinic_id, pump_id, type, occurred_at, recorded_by, volume_ml) VALUES
         ($1, $2, 'bolus', '2026-05-20 09:00:00.0004+00', $3, 0.1),
         ($1, $2, 'bolus', '2026-05-21 12:00:00+00', $3, 0.5),
         ($1, $2, 'alarm_empty_reservoir', '2026-05-20 09:00:00.0004+00', $3, NULL),
         ($1, $2, 'alarm_empty_reservoir', '2026-06-01 07:30:00+00', $3, NULL)`,
      [clinic.id, implanted.id, clinic.users.specialist.id],
    );
    pump = await ctx.dataSource.manager.findOneByOrFail(PumpEntity, { id: implanted.id });
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  const read = (since: string, orderedById: string | null = null) =>
    ctx.app.get(PumpsRepository).clinicalWriteContext(ctx.dataSource.manager, pump, new Date(since), orderedById);

  it('answers the current fill, its dose changes and the boluses after its millisecond', async () => {
    const context = await read('2026-06-09T10:00:00.000Z');
    expect(context.current).toEqual({
      fillId: refillId,
      performedAt: new Date(REFILL),
      lastChangeAt: new Date(DOSE_CHANGE),
      drain: {
        doseChanges: [{ effectiveAt: new Date(DOSE_CHANGE), newDailyDoseMcg: 440 }],
        boluses: [{ at: new Date('2026-05-21T12:00:00.000Z'), volumeMl: 0.5 }],
        fill: {
          performedAt: new Date(REFILL),
          reservoirVolumeAfterMl: 20,
          concentrationMcgPerMl: 2000,
          dailyDoseMcg: 400,
          patientBolusMcgPerDay: null,
        },
      },
    });
    // The empty alarm is looked for after the fill's instant to the millisecond (the Date the separate
    // read passed) at the alarm's own precision: the alarm 0.4 ms after the refill is the first one.
    expect(context.emptyAlarmAt).toEqual(new Date('2026-05-20T09:00:00.000Z'));
    expect(context.firstFillAt).toEqual(new Date(FIRST_FILL));
    expect(context.clinic).toEqual({ timeZone: 'Europe/London', refillLeadDays: 5, maxDrugDaysInPump: 180 });
    expect(context.patient).toEqual({ spasticityOrigin: 'cerebral', birthDate: '1970-05-14' });
    expect(context.orderedBy).toBeNull();
  });

  it('answers the dose step in force at the window start and every step after it, across fills', async () => {
    // In force on 19 May: the first fill's 400. Then the refill's 400 and the change to 440.
    expect((await read('2026-05-19T00:00:00.000Z')).doseSteps).toEqual([
      { at: new Date(FIRST_FILL), dailyDoseMcg: 400 },
      { at: new Date(REFILL), dailyDoseMcg: 400 },
      { at: new Date(DOSE_CHANGE), dailyDoseMcg: 440 },
    ]);
    // A window starting at the refill's instant: the refill is the step in force, nothing older.
    expect((await read(REFILL)).doseSteps).toEqual([
      { at: new Date(REFILL), dailyDoseMcg: 400 },
      { at: new Date(DOSE_CHANGE), dailyDoseMcg: 440 },
    ]);
    // After the change: only the change, the step in force.
    expect((await read('2026-06-09T10:00:00.000Z')).doseSteps).toEqual([
      { at: new Date(DOSE_CHANGE), dailyDoseMcg: 440 },
    ]);
    // The same steps as the dose-steps read the pump page uses.
    expect(
      await ctx.app
        .get(PumpsRepository)
        .doseStepsSince(ctx.dataSource.manager, pump.id, new Date('2026-05-19T00:00:00.000Z')),
    ).toEqual((await read('2026-05-19T00:00:00.000Z')).doseSteps);
  });

  it('names the ordering specialist only when active in this clinic and a specialist', async () => {
    expect((await read(NOW, clinic.users.specialist.id)).orderedBy).toEqual({
      id: clinic.users.specialist.id,
      name: expect.stringContaining('Test specialist') as unknown as string,
    });
    expect((await read(NOW, clinic.users.nurse.id)).orderedBy).toBeNull();
    const other = await createClinic(ctx);
    expect((await read(NOW, other.users.specialist.id)).orderedBy).toBeNull();
  });

  it("answers a pump record's current fill and form context in one statement (PumpsRepository.viewOf)", async () => {
    const repo = ctx.app.get(PumpsRepository);
    const m = ctx.dataSource.manager;
    const view = await repo.viewOf(m, pump);
    expect(view?.fill).toEqual({
      id: refillId,
      performedAt: new Date(REFILL),
      reservoirVolumeAfterMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      patientBolusMcgPerDay: null,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'LOT-CTX',
      lotExpiresOn: '2030-01-01',
    });
    // The same drain, empty alarm and first fill as a write's context and as stateOf's three reads.
    const context = await read(NOW);
    expect(view?.drain).toEqual(context.current?.drain);
    expect(view?.drain).toEqual((await repo.stateOf(m, pump))?.drain);
    expect(view?.emptyAlarmAt).toEqual(context.emptyAlarmAt);
    expect(view?.firstFillAt).toEqual(new Date(FIRST_FILL));
    // The dose steps from 24 h before the last change (25 May 10:00): the refill's 400 in force on
    // 24 May 10:00, then the change to 440; the first fill is older than the step in force.
    expect(view?.doseSteps).toEqual([
      { at: new Date(REFILL), dailyDoseMcg: 400 },
      { at: new Date(DOSE_CHANGE), dailyDoseMcg: 440 },
    ]);
    expect(view?.doseSteps).toEqual((await read('2026-05-24T10:00:00.000Z')).doseSteps);
    // A pump without a fill has no view.
    expect(await repo.viewOf(m, Object.assign(new PumpEntity(), { ...pump, currentFillId: null }))).toBeNull();
  });

  it('locks the pump and answers it as TypeORM reads it, with the same context, in one statement', async () => {
    const repo = ctx.app.get(PumpsRepository);
    await ctx.dataSource.transaction(async (m) => {
      const locked = await repo.lockWithWriteContext(
        m,
        clinic.id,
        pump.id,
        pump.version,
        new Date(NOW),
        clinic.users.specialist.id,
      );
      expect(locked.pump).toEqual(await m.findOneByOrFail(PumpEntity, { id: pump.id }));
      expect(locked.context).toEqual(await read(NOW, clinic.users.specialist.id));
    });
  });

  it('answers 404 for a pump of another clinic and 409 for a stale version, as lockAtVersion', async () => {
    const repo = ctx.app.get(PumpsRepository);
    const other = await createClinic(ctx);
    const m = ctx.dataSource.manager;
    await expect(repo.lockWithWriteContext(m, other.id, pump.id, pump.version, new Date(NOW))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      repo.lockWithWriteContext(m, clinic.id, pump.id, pump.version - 1, new Date(NOW)),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
  });

  it('reads the context again when another write on the pump committed while it waited for the lock', async () => {
    // A write holds the pump: it records a dose change and moves the version. The locking read, started
    // meanwhile, waits; it gets the pump the other write left, and must see that dose change too.
    const repo = ctx.app.get(PumpsRepository);
    const other = ctx.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    let waiting: Promise<Awaited<ReturnType<PumpsRepository['lockWithWriteContext']>>> | undefined;
    try {
      await other.query(`SELECT 1 FROM pumps WHERE id = $1 FOR UPDATE`, [pump.id]);
      const changeAt = '2026-06-05T08:00:00.000Z';
      await other.query(
        `INSERT INTO dose_adjustments (clinic_id, pump_id, fill_id, effective_at, previous_daily_dose_mcg, new_daily_dose_mcg,
           reason, ordered_by, recorded_by, limit_check)
         VALUES ($1, $2, $3, $4, 440, 460, 'titration_up', $5, $5, '{}')`,
        [clinic.id, pump.id, refillId, changeAt, clinic.users.specialist.id],
      );
      await other.query(`UPDATE pumps SET version = version + 1 WHERE id = $1`, [pump.id]);
      waiting = ctx.dataSource.transaction((m) =>
        repo.lockWithWriteContext(m, clinic.id, pump.id, pump.version + 1, new Date(NOW)),
      );
      // Give the locking read time to start and queue behind the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.commitTransaction();
      const { pump: locked, context } = await waiting;
      expect(locked.version).toBe(pump.version + 1);
      expect(context.current?.lastChangeAt).toEqual(new Date(changeAt));
      expect(context.current?.drain.doseChanges?.map((c) => c.newDailyDoseMcg)).toEqual([440, 460]);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
      await waiting?.catch(() => undefined);
      await ctx.dataSource.query(`DELETE FROM dose_adjustments WHERE pump_id = $1 AND new_daily_dose_mcg = 460`, [
        pump.id,
      ]);
      await ctx.dataSource.query(`UPDATE pumps SET version = $2 WHERE id = $1`, [pump.id, pump.version]);
    }
  });
});
