import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FlagResponse } from '@itb/contracts';
import pg from 'pg';
import { FlagEvaluator } from '../src/modules/flags/flag-evaluator.js';
import { FlagScheduler } from '../src/modules/flags/flag-scheduler.js';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-06-01T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/**
 * The scheduled pass reads every pump in the database, so these tests get a database of their own,
 * and two application instances share it and one clock, as two API servers would share time.
 */
describe('scheduled flag evaluation', () => {
  const clock = new TestClock();
  let first: TestContext;
  let second: TestContext;
  let clinic: TestClinic;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createIsolatedDatabase();
    first = await createTestApp({ databaseUrl, clock });
    second = await createTestApp({ databaseUrl, clock });
    clinic = await createClinic(first);
  });
  afterAll(async () => {
    await first.app.close();
    await second.app.close();
  });

  const openFlags = async (patientId: string) =>
    (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}`).expect(200)).body.items as FlagResponse[];

  it('raises REFILL_OVERDUE when the alarm passes with no write, and a refill resolves it with the reason', async () => {
    clock.set(at(10));
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, FILL_AT); // alarm at day 90
    expect(await openFlags(patient.id)).toEqual([]);

    clock.set(new Date(Date.parse(at(90)) - 1)); // 1 ms before the alarm instant
    await first.app.get(FlagScheduler).runDueTick();
    expect((await openFlags(patient.id)).map((f) => f.code)).not.toContain('REFILL_OVERDUE');

    clock.set(new Date(Date.parse(at(90)) + 3_600_000)); // the next hour's tick, past the alarm
    const result = await first.app.get(FlagScheduler).runDueTick();
    expect(result).toMatchObject({ raised: 1 });
    const [overdue] = await openFlags(patient.id);
    expect(overdue).toMatchObject({
      code: 'REFILL_OVERDUE',
      severity: 'critical',
      raisedBy: null,
      details: { facts: { alarmAt: at(90) } },
    });

    clock.set(at(91));
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        pumpVersion: pump.version,
        performedAt: at(90.9),
        residualWithdrawnMl: 1.8,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-S1',
        lotExpiresOn: '2028-01-01',
      })
      .expect(201);
    expect(await openFlags(patient.id)).toEqual([]);
    const resolved = await clinic.as.nurse.get(`/api/flags/${overdue!.id}`).expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolved: { resolution: 'auto', note: 'Refill recorded', byId: clinic.users.nurse.id, at: at(91) },
    });
  });

  it('runs a tick once across two instances: one flag, one audit row, one tick row', async () => {
    clock.set(at(10));
    const patient = await createPatient(clinic);
    await implantPump(clinic, patient.id, FILL_AT);
    clock.set(new Date(Date.parse(at(95)) + 60_000)); // alarm passed 5 days ago; a fresh hour

    const results = await Promise.all([
      first.app.get(FlagScheduler).runDueTick(),
      second.app.get(FlagScheduler).runDueTick(),
    ]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const flags = await openFlags(patient.id);
    expect(flags.filter((f) => f.code === 'REFILL_OVERDUE')).toHaveLength(1);
    const [audit] = (await first.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'flag.raise' AND patient_id = $1 AND after->>'code' = 'REFILL_OVERDUE'`,
      [patient.id],
    )) as [{ n: number }];
    expect(audit.n).toBe(1);
    const ticks = (await first.dataSource.query(`SELECT instance, finished_at FROM job_ticks WHERE tick_at = $1`, [
      new Date(Math.floor(clock.now().getTime() / 3_600_000) * 3_600_000),
    ])) as { instance: string; finished_at: Date | null }[];
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.finished_at).not.toBeNull();

    // The same hour again does nothing; the next hour evaluates again and changes nothing.
    expect(await second.app.get(FlagScheduler).runDueTick()).toBeNull();
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    expect(await second.app.get(FlagScheduler).runDueTick()).toMatchObject({ raised: 0, resolved: 0 });
    expect((await openFlags(patient.id)).filter((f) => f.code === 'REFILL_OVERDUE')).toHaveLength(1);
  });

  it('catches up after downtime: the first tick after a gap raises what came due meanwhile', async () => {
    clock.set(at(10));
    const patient = await createPatient(clinic);
    await implantPump(clinic, patient.id, FILL_AT);
    clock.set(at(30));
    await first.app.get(FlagScheduler).runDueTick();
    expect(await openFlags(patient.id)).toEqual([]);
    // Nothing ran for 75 days: by now the reservoir is past the alarm (day 90) and empty (day 100).
    clock.set(at(105));
    await first.app.get(FlagScheduler).runDueTick();
    // One scheduling flag per pump: empty is the one fact that holds first (DESIGN.md precedence).
    expect((await openFlags(patient.id)).map((f) => f.code)).toEqual(['RESERVOIR_EMPTY']);
  });

  it('reads the pumps in batches: a pass two pumps at a time raises, supersedes and audits each pump once', async () => {
    clock.set(at(10));
    const patients = await Promise.all([1, 2, 3, 4, 5].map(() => createPatient(clinic)));
    for (const patient of patients) await implantPump(clinic, patient.id, FILL_AT); // alarm day 90, empty day 100
    const ids = patients.map((p) => p.id);
    const pass = (now: string) =>
      first.dataSource.transaction((m) =>
        first.app.get(FlagEvaluator).evaluateAll(m, new Date(now), { actorId: null, reason: 'Hourly check' }, 2),
      );
    const flagsOf = async () =>
      (await first.dataSource.query(
        `SELECT patient_id, code, status, resolved_note FROM flags
         WHERE patient_id = ANY($1) AND code IN ('REFILL_OVERDUE', 'RESERVOIR_EMPTY') ORDER BY patient_id, raised_at`,
        [ids],
      )) as { patient_id: string; code: string; status: string; resolved_note: string | null }[];
    const auditOf = async () =>
      (await first.dataSource.query(
        `SELECT patient_id, action, after->>'code' AS code FROM audit_events
         WHERE patient_id = ANY($1) AND entity_type = 'flag' AND after->>'code' IN ('REFILL_OVERDUE', 'RESERVOIR_EMPTY')
         ORDER BY patient_id, id`,
        [ids],
      )) as { patient_id: string; action: string; code: string }[];
    const sorted = [...ids].sort();

    // Day 95: past the alarm (day 90), not yet empty (day 100) — every pump, in whichever batch, is overdue.
    await pass(at(95));
    expect(await flagsOf()).toEqual(
      sorted.map((id) => ({ patient_id: id, code: 'REFILL_OVERDUE', status: 'open', resolved_note: null })),
    );
    // Day 105: empty — the higher scheduling flag is raised and supersedes the overdue one, pump by pump.
    await pass(at(105));
    expect(await flagsOf()).toEqual(
      sorted.flatMap((id) => [
        { patient_id: id, code: 'REFILL_OVERDUE', status: 'resolved', resolved_note: 'Superseded by Reservoir empty' },
        { patient_id: id, code: 'RESERVOIR_EMPTY', status: 'open', resolved_note: null },
      ]),
    );
    expect(await auditOf()).toEqual(
      sorted.flatMap((id) => [
        { patient_id: id, action: 'flag.raise', code: 'REFILL_OVERDUE' },
        { patient_id: id, action: 'flag.raise', code: 'RESERVOIR_EMPTY' },
        { patient_id: id, action: 'flag.auto_resolve', code: 'REFILL_OVERDUE' },
      ]),
    );
  });

  it('a pass that fails part-way keeps each batch it wrote whole, and the next pass writes only what is left', async () => {
    clock.set(at(10));
    const patients = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createPatient(clinic)));
    for (const patient of patients) await implantPump(clinic, patient.id, FILL_AT); // alarm day 90
    const ids = patients.map((p) => p.id);
    const failing = ids[3]!;
    const pass = () =>
      first.dataSource.transaction((m) =>
        first.app.get(FlagEvaluator).evaluateAll(m, new Date(at(95)), { actorId: null, reason: 'Hourly check' }, 2),
      );
    const countsOf = async () =>
      (await first.dataSource.query(
        `SELECT p.id,
                (SELECT count(*)::int FROM flags f WHERE f.patient_id = p.id AND f.code = 'REFILL_OVERDUE') AS flags,
                (SELECT count(*)::int FROM audit_events a WHERE a.patient_id = p.id AND a.action = 'flag.raise'
                   AND a.after->>'code' = 'REFILL_OVERDUE') AS audits
         FROM unnest($1::uuid[]) AS p(id) ORDER BY p.id`,
        [ids],
      )) as { id: string; flags: number; audits: number }[];

    // The database refuses the flag of one pump: the batch holding it writes nothing, and the pass fails.
    // The API's role may not create triggers: the database's owner does.
    const asOwner = async (sql: string) => {
      const owner = new pg.Client({ connectionString: databaseUrl });
      await owner.connect();
      try {
        await owner.query(sql);
      } finally {
        await owner.end();
      }
    };
    await asOwner(`
      CREATE FUNCTION refuse_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'flag refused for the test'; END $$`);
    await asOwner(
      `CREATE TRIGGER refuse_flag BEFORE INSERT ON flags FOR EACH ROW
       WHEN (NEW.patient_id = '${failing}'::uuid) EXECUTE FUNCTION refuse_flag()`,
    );
    try {
      await expect(pass()).rejects.toThrow('flag refused for the test');
    } finally {
      await asOwner(`DROP TRIGGER refuse_flag ON flags; DROP FUNCTION refuse_flag()`);
    }
    const afterFailure = await countsOf();
    // Each batch is whole: a pump has its flag with its one audit row, or neither; the refused one has neither.
    for (const row of afterFailure) {
      expect([0, 1]).toContain(row.flags);
      expect(row.audits).toBe(row.flags);
    }
    expect(afterFailure.find((r) => r.id === failing)).toMatchObject({ flags: 0, audits: 0 });

    // The next pass raises what is left: one flag and one audit row per pump, none twice.
    await pass();
    expect(await countsOf()).toEqual([...ids].sort().map((id) => ({ id, flags: 1, audits: 1 })));
  });
});
