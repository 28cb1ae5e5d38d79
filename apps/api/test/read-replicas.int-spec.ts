import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OverdueReport, PatientSummary, RefillQueueRow, TimelineItem } from '@itb/contracts';
import { SNAPSHOT_TIME_SQL, StaleReads } from '../src/common/stale-reads.js';
import { FlagScheduler } from '../src/modules/flags/flag-scheduler.js';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import {
  createClinic,
  createPatient,
  implantPump,
  patientInput,
  pumpVersionOf,
  TEST_PASSWORD,
  type TestClinic,
} from './factories.js';
import { sql, startStreamingPair, type StreamingPair, waitFor } from './streaming-replica.js';
import { appDatabaseUrl, createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * DATABASE_REPLICA_URLS against a real streaming standby of a primary of the test's own (the standby
 * made from a low-level base backup, test/streaming-replica.ts). The proof that a read came from the
 * replica: replay is paused on it, a write goes to the primary, and the API's stale-tolerant reads do
 * not show the write until replay resumes; the write's own answer and the chart do.
 */
describe('read replicas', () => {
  let pair: StreamingPair;
  let ctx: TestContext;
  let clinic: TestClinic;
  let primaryDb: string;
  let standbyDb: string;
  let overduePatientId: string;
  let overduePumpId: string;
  /** The API's own login (itb_app) on the standby. */
  let appOnStandby: string;

  /**
   * Waits until the standby has replayed everything the primary has committed so far: up to the insert
   * position (the test servers commit asynchronously, so the write position can still be behind a commit).
   */
  const caughtUp = async () => {
    const [now] = await sql<{ lsn: string }>(primaryDb, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
    await waitFor('the standby to catch up', async () => {
      const [row] = await sql<{ ok: boolean }>(standbyDb, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [
        now!.lsn,
      ]);
      return row?.ok === true;
    });
  };
  const pauseReplay = async () => {
    await sql(standbyDb, 'SELECT pg_wal_replay_pause()');
    await waitFor('replay to pause', async () => {
      const [row] = await sql<{ state: string }>(standbyDb, 'SELECT pg_get_wal_replay_pause_state() AS state');
      return row?.state === 'paused';
    });
  };
  const resumeReplay = async () => {
    await sql(standbyDb, 'SELECT pg_wal_replay_resume()');
    await caughtUp();
  };
  const activePumps = async (url: string) =>
    (await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM pumps WHERE status = 'active'`))[0]!.n;

  /** A specialist signed in on an agent of its own that writes nothing: it reads what anyone may see. */
  let reader: TestAgent;
  const queue = async (as = reader) =>
    (await as.get('/api/refill-queue').expect(200)).body as { items: RefillQueueRow[] };
  const search = async (q: string, as = reader) =>
    (await as.get(`/api/patients?q=${q}`).expect(200)).body as { items: PatientSummary[] };
  const fillsInTimeline = async (patientId: string, as = reader) =>
    ((await as.get(`/api/patients/${patientId}/timeline?kind=fill`).expect(200)).body as { items: TimelineItem[] })
      .items.length;
  const report = async () => (await reader.get('/api/reports/overdue').expect(200)).body as OverdueReport;

  beforeAll(async () => {
    pair = await startStreamingPair();
    await sql(pair.primaryUrl, 'CREATE DATABASE itb');
    primaryDb = pair.primaryUrl.replace(/\/postgres$/, '/itb');
    standbyDb = pair.standbyUrl.replace(/\/postgres$/, '/itb');
    // No user in the replica URL: the API logs in to the standby as its own role (itb_app), which the
    // standby has because it is a physical copy of the primary.
    ctx = await createTestApp({
      databaseUrl: primaryDb,
      env: { DATABASE_REPLICA_URLS: `postgres://127.0.0.1:${pair.standbyPort}/itb` },
    });
    const login = new URL(await appDatabaseUrl(primaryDb));
    login.port = String(pair.standbyPort);
    appOnStandby = login.toString();
    clinic = await createClinic(ctx);
    // DESIGN.md's worked example filled 95 days ago: alarm at 90 days, refill-by 5 days before it, so
    // 10 days overdue.
    const patient = await createPatient(clinic, { familyName: 'Replicaoverdue' });
    overduePatientId = patient.id;
    overduePumpId = (await implantPump(clinic, patient.id, daysAgo(95))).id;
    reader = request.agent(ctx.server);
    await reader
      .post('/api/auth/login')
      .send({ email: clinic.users.specialist.email, password: TEST_PASSWORD })
      .expect(200);
    await caughtUp();
  }, 60_000);

  afterAll(async () => {
    await ctx?.app.close();
    await pair?.stop();
  });

  it('reads the queue, the report, the timeline and search from the replica, but a writer sees their own writes', async () => {
    expect(ctx.app.get(StaleReads).hasReplicas).toBe(true);
    expect((await queue()).items.map((r) => r.pumpId)).toEqual([overduePumpId]);
    expect((await report()).headline.overdueNow).toBe(1);

    await pauseReplay();
    // A refill of the overdue pump (20 − 95 × 0.2 = 1 mL left) and a new patient, on the primary. The
    // write's answer is built from its own transaction: the new projection, refill-by 85 days ahead.
    const refill = await clinic.as.nurse
      .post(`/api/pumps/${overduePumpId}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, overduePumpId),
        performedAt: new Date(Date.now() - 3_600_000).toISOString(),
        residualWithdrawnMl: 1,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-R',
        lotExpiresOn: '2030-01-01',
      })
      .expect(201);
    expect(Date.parse(refill.body.projection.refillBy)).toBeGreaterThan(Date.now() + 80 * DAY_MS);
    // …and names the primary's WAL position past it, for the writer's next reads.
    expect(refill.headers['set-cookie']).toEqual([
      expect.stringMatching(
        /^itb_wrote=[0-9A-F]+%2F[0-9A-F]+; Max-Age=60; Path=\/api; Expires=.*; HttpOnly; SameSite=Strict$/,
      ),
    ]);
    const added = await createPatient(clinic, { familyName: 'Replicanew' });
    // The chart is not a stale read: it comes from the primary and shows the new patient at once.
    await clinic.as.nurse.get(`/api/patients/${added.id}`).expect(200);
    expect(await activePumps(primaryDb)).toBe(1);
    expect((await sql(primaryDb, 'SELECT id FROM fills WHERE pump_id = $1', [overduePumpId])).length).toBe(2);

    // The stale-tolerant reads come from the paused replica: none of them shows either write yet.
    expect((await queue()).items.map((r) => r.pumpId)).toEqual([overduePumpId]);
    expect((await report()).headline.overdueNow).toBe(1);
    expect(await fillsInTimeline(overduePatientId)).toBe(1);
    expect((await search('Replicanew')).items).toEqual([]);
    // Read-your-writes: the writers' own reads skip the lagging replica. The nurse who recorded the
    // refill sees the pump gone and the refill in the timeline; the specialist who added the patient finds them.
    expect((await queue(clinic.as.nurse)).items).toEqual([]);
    expect(await fillsInTimeline(overduePatientId, clinic.as.nurse)).toBe(2);
    expect((await search('Replicanew', clinic.as.specialist)).items.map((p) => p.id)).toEqual([added.id]);
    // A queue page read now is as of the replica's last replayed commit, not its clock: a later page
    // carries that moment and treats every pump changed after it as changed (the refill above).
    const [asOf] = await sql<{ as_of: Date; replayed: Date; now: Date }>(
      appOnStandby,
      `SELECT ${SNAPSHOT_TIME_SQL} AS as_of, pg_last_xact_replay_timestamp() AS replayed, now() AS now`,
    );
    expect(asOf!.as_of).toEqual(asOf!.replayed);
    expect(asOf!.as_of.getTime()).toBeLessThan(asOf!.now.getTime());

    await resumeReplay();
    // Caught up: the refilled pump has left the queue and the overdue count, the timeline shows the
    // refill, and search finds the new patient.
    expect((await queue()).items).toEqual([]);
    expect((await report()).headline.overdueNow).toBe(0);
    expect(await fillsInTimeline(overduePatientId)).toBe(2);
    expect((await search('Replicanew')).items.map((p) => p.id)).toEqual([added.id]);
  });

  it('refuses a write sent straight to the replica', async () => {
    await expect(sql(appOnStandby, `UPDATE patients SET notes = 'on the replica'`)).rejects.toThrow(
      'cannot execute UPDATE in a read-only transaction',
    );
    await expect(sql(standbyDb, `DELETE FROM sessions`)).rejects.toThrow(
      'cannot execute DELETE in a read-only transaction',
    );
    // Nothing changed on the primary either.
    expect(await sql(primaryDb, `SELECT id FROM patients WHERE notes = 'on the replica'`)).toEqual([]);
  });

  it('runs the hourly flag pass on the primary, whatever the replica has replayed', async () => {
    await pauseReplay();
    const late = await createPatient(clinic, { familyName: 'Replicalate' });
    const latePump = await implantPump(clinic, late.id, daysAgo(95));
    // The primary has two active pumps; the paused replica still one.
    expect(await activePumps(primaryDb)).toBe(2);
    expect(await activePumps(standbyDb)).toBe(1);

    const result = await ctx.app.get(FlagScheduler).runDueTick();
    expect(result?.pumpsEvaluated).toBe(2);
    const ticks = await sql<{ pumps_evaluated: number }>(primaryDb, `SELECT pumps_evaluated FROM job_ticks`);
    expect(ticks).toEqual([{ pumps_evaluated: 2 }]);
    const flags = await sql<{ code: string }>(primaryDb, `SELECT code FROM flags WHERE pump_id = $1`, [latePump.id]);
    expect(flags.map((f) => f.code)).toContain('REFILL_OVERDUE');
    await resumeReplay();
  });

  it('reads from the primary when the replica is down', async () => {
    await pair.stopStandby();
    // The pump implanted in the test before is 10 days overdue: the queue now comes from the primary.
    const rows = (await queue()).items;
    expect(rows.map((r) => r.patientName.split(',')[0])).toEqual(['Replicalate']);
    expect((await search('Replicalate')).items).toHaveLength(1);
    expect(await fillsInTimeline(overduePatientId)).toBe(2);
  });

  it('sets no cookie and reads everything on the primary without DATABASE_REPLICA_URLS', async () => {
    const plain = await createTestApp();
    try {
      expect(plain.app.get(StaleReads).hasReplicas).toBe(false);
      const own = await createClinic(plain);
      const res = await own.as.specialist.post('/api/patients').send(patientInput()).expect(201);
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await plain.app.close();
    }
  });
});
