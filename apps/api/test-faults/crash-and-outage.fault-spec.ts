import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { hashPassword } from '../src/modules/auth/password-hasher.js';
import { patientInput } from '../test/factories.js';
import {
  type Answer,
  type ApiProcess,
  call,
  databaseUrl,
  freshDataDir,
  isAlive,
  postmasterPid,
  type Session,
  signIn,
  sleep,
  startApi,
  stopApi,
  stopPostgres,
  BASE,
  API_PORT,
} from './api-process.js';

/**
 * Issue 12, acceptance 1: the built API on its embedded PostgreSQL, (a) killed with SIGKILL in the
 * middle of a write loop and started again on the same data folder, (b) starved of PostgreSQL in the
 * middle of a write loop, and (c) no idempotency key left in flight afterwards. Every write books an
 * appointment with an Idempotency-Key and carries that key in its notes, so the database can be asked
 * how many times each one was stored.
 */

interface Attempt {
  key: string;
  body: Record<string, unknown>;
  answers: Answer[];
}

const runId = Date.now().toString(36);
const LOST_ANSWER = /was saved, but the server stopped before it could answer/;
/**
 * The database went away between a write's commit and storing its answer: the write is saved once and a
 * retry is told so (409) rather than running twice. An honest answer during an outage, like a 503.
 */
const SAVED_ANSWER_LOST = /was saved, but (the server stopped before it could answer|answering it failed)/;
let sequence = 0;
const firstSlot = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;

function newAttempt(patientIds: string[]): Attempt {
  const n = sequence++;
  const key = `fault-${runId}-${n}`;
  return {
    key,
    body: {
      patientId: patientIds[n % patientIds.length],
      type: 'interrogation',
      // One a day: a patient may have one appointment of a type per day.
      startsAt: new Date(firstSlot + n * 86_400_000).toISOString(),
      durationMinutes: 15,
      notes: `fault tier ${key}`,
    },
    answers: [],
  };
}

const book = (session: Session, attempt: Attempt) =>
  call(session, 'POST', '/api/appointments', attempt.body, { 'Idempotency-Key': attempt.key });

/** Books appointments with `workers` concurrent writers until `isDone()`; every attempt is kept. */
async function writeLoop(session: Session, patientIds: string[], isDone: () => boolean, workers = 4) {
  const attempts: Attempt[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!isDone()) {
        const attempt = newAttempt(patientIds);
        attempts.push(attempt);
        attempt.answers.push(await book(session, attempt));
      }
    }),
  );
  return attempts;
}

const last = (a: Attempt) => a.answers[a.answers.length - 1] as Answer;
const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;

/** Retries every attempt that got no success, with the same key and body, as a client would. */
async function retryUnanswered(session: Session, attempts: Attempt[]): Promise<void> {
  for (const attempt of attempts) {
    if (isSuccess(last(attempt))) continue;
    attempt.answers.push(await book(session, attempt));
  }
}

/** Each attempt is stored once (with its audit row) when any answer said so, and never twice. */
async function expectStoredExactlyOnce(db: pg.Client, attempts: Attempt[]): Promise<void> {
  const rows = (
    await db.query<{ id: string; notes: string; audits: string }>(
      `SELECT a.id, a.notes,
              (SELECT count(*) FROM audit_events e WHERE e.entity_id = a.id::text AND e.action = 'appointment.create') AS audits
         FROM appointments a WHERE a.notes LIKE $1`,
      [`fault tier fault-${runId}-%`],
    )
  ).rows;
  const byNotes = new Map<string, typeof rows>();
  for (const row of rows) byNotes.set(row.notes, [...(byNotes.get(row.notes) ?? []), row]);
  for (const attempt of attempts) {
    const stored = byNotes.get(`fault tier ${attempt.key}`) ?? [];
    const final = last(attempt);
    const success = attempt.answers.find(isSuccess);
    const lost = final.status === 409 && LOST_ANSWER.test(String(final.body?.message));
    const summary = { key: attempt.key, answers: attempt.answers.map((a) => a.status), stored: stored.length };
    expect(stored.length <= 1 ? summary : { ...summary, problem: 'stored twice' }).toEqual(summary);
    if (success || lost) expect(summary).toEqual({ ...summary, stored: 1 });
    if (success) expect(stored[0]?.id).toBe(success.body?.id);
    for (const row of stored)
      expect({ key: attempt.key, audits: Number(row.audits) }).toEqual({ key: attempt.key, audits: 1 });
  }
}

async function keysInFlight(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM idempotency_keys WHERE status_code IS NULL`,
  );
  return Number(rows[0]?.n);
}

/** The pid of the watchdog the API with `apiPid` started (from /proc). */
function watchdogOf(apiPid: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => a.endsWith('embedded-watchdog.js')) && argv.includes(String(apiPid))) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe('the built API on its embedded PostgreSQL, under faults', () => {
  const dataDir = freshDataDir();
  let api: ApiProcess | undefined;
  let db: pg.Client | undefined;
  let session: Session;
  let patientIds: string[];

  async function connectDb(): Promise<pg.Client> {
    await db?.end().catch(() => undefined);
    db = new pg.Client({ connectionString: databaseUrl(dataDir) });
    db.on('error', () => undefined);
    await db.connect();
    return db;
  }

  beforeAll(async () => {
    api = await startApi(dataDir); // a new data folder: initdb and migrations (no demo seed: SEED_DEMO=false)
    const client = await connectDb();
    const [clinic] = (
      await client.query<{ id: string }>(
        `INSERT INTO clinics (name, time_zone) VALUES ('Fault tier', 'Europe/London') RETURNING id`,
      )
    ).rows;
    const password = 'fault-tier-password-2026';
    await client.query(
      `INSERT INTO users (clinic_id, email, name, role, password_hash) VALUES ($1, 'specialist@faults.example', 'Fault tier specialist', 'specialist', $2)`,
      [clinic?.id, await hashPassword(password)],
    );
    session = await signIn('specialist@faults.example', password);
    patientIds = [];
    for (let i = 0; i < 6; i++) {
      const created = await call(session, 'POST', '/api/patients', patientInput());
      expect(created.status).toBe(201);
      patientIds.push(String(created.body?.id));
    }
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await stopApi(api);
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) stopPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('(a) comes back after kill -9 during a write loop: every acknowledged write stored once with its audit row, no key in flight', async () => {
    const first = api as ApiProcess;
    const postmaster = postmasterPid(dataDir) as number;
    let done = false;
    const loop = writeLoop(session, patientIds, () => done);
    await waitFor('20 acknowledged writes', () => sequence >= 24, 20_000);
    await sleep(150);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited;
    done = true;
    const attempts = await loop;

    // The watchdog stops the orphaned PostgreSQL once its parent is gone.
    const stoppedMs = await waitFor('the orphaned postmaster to stop', () => !isAlive(postmaster), 10_000);
    process.stdout.write(`postmaster stopped ${stoppedMs} ms after the API was killed\n`);

    const restartedAt = Date.now();
    api = await startApi(dataDir, 60_000);
    process.stdout.write(
      `API ready again ${Date.now() - restartedAt} ms after restart (${Date.now() - killedAt} ms after kill)\n`,
    );
    expect(api.output()).not.toMatch(/failed to start/);

    const acknowledged = attempts.filter((a) => isSuccess(last(a))).length;
    const cutOff = attempts.filter((a) => last(a).status === 0).length;
    process.stdout.write(
      `(a) ${attempts.length} writes: ${acknowledged} acknowledged, ${cutOff} cut off by the kill\n`,
    );
    expect(acknowledged).toBeGreaterThanOrEqual(20);
    const unexpected = attempts.flatMap((a) => a.answers.filter((x) => x.status !== 0 && x.status !== 201));
    expect(unexpected).toEqual([]);

    const client = await connectDb();
    expect(await keysInFlight(client)).toBe(0); // (c) settled at start-up
    await retryUnanswered(session, attempts);
    for (const attempt of attempts) {
      const answer = last(attempt);
      const ok = answer.status === 201 || (answer.status === 409 && LOST_ANSWER.test(String(answer.body?.message)));
      expect({ key: attempt.key, status: answer.status, ok }).toEqual({
        key: attempt.key,
        status: answer.status,
        ok: true,
      });
    }
    await expectStoredExactlyOnce(client, attempts);
    expect(await keysInFlight(client)).toBe(0);
  });

  it('comes back when the watchdog died too: the stale postmaster is stopped with pg_ctl at start-up', async () => {
    const previous = api as ApiProcess;
    const postmaster = postmasterPid(dataDir) as number;
    const watchdog = watchdogOf(previous.child.pid as number);
    expect(watchdog).toBeDefined();
    process.kill(watchdog as number, 'SIGKILL');
    previous.child.kill('SIGKILL');
    await previous.exited;
    await sleep(500);
    expect(isAlive(postmaster)).toBe(true); // an orphan, as before the fix

    api = await startApi(dataDir, 60_000);
    expect(api.output()).toMatch(/stopping a PostgreSQL server left running on the data folder/);
    expect(isAlive(postmaster)).toBe(false);
    const res = await fetch(`${BASE}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('(b) answers 503 DATABASE_UNAVAILABLE while PostgreSQL is down and writes again after it returns, without a restart', async () => {
    const apiPid = api?.child.pid;
    const health: Answer[] = [];
    const live: number[] = [];
    let done = false;
    let outage = false;
    const poller = (async () => {
      while (!done) {
        if (outage) {
          health.push(await call(session, 'GET', '/api/health'));
          live.push((await call(session, 'GET', '/api/health/live')).status);
        }
        await sleep(50);
      }
    })();
    const loop = writeLoop(session, patientIds, () => done);
    const base = sequence;
    await waitFor('writes before the outage', () => sequence >= base + 12, 20_000);

    outage = true;
    stopPostgres(dataDir); // pg_ctl stop -m fast: the API's server goes away under it
    // The API notices, answers 503 meanwhile, and starts the server again.
    const backMs = await waitFor(
      'health to answer 200 again',
      async () => (await fetch(`${BASE}/api/health`)).status === 200,
      60_000,
    );
    outage = false;
    const atRecovery = sequence;
    await waitFor('writes after the outage', () => sequence >= atRecovery + 12, 20_000);
    done = true;
    const attempts = await loop;
    await poller;

    const statuses = attempts.flatMap((a) => a.answers.map((x) => x.status));
    const unavailable = attempts.map(last).filter((x) => x.status === 503);
    process.stdout.write(
      `(b) ${attempts.length} writes: ${statuses.filter((s) => s === 201).length} × 201, ${unavailable.length} × 503; database back after ${backMs} ms\n`,
    );
    const unexpected = attempts.flatMap((a) =>
      a.answers.filter(
        (x) =>
          x.status !== 201 &&
          x.status !== 503 &&
          !(x.status === 409 && SAVED_ANSWER_LOST.test(String(x.body?.message))),
      ),
    );
    if (unexpected.length) {
      const errors = (api as ApiProcess)
        .output()
        .split('\n')
        .filter((l) => /"level":"error"/.test(l));
      process.stdout.write(`API errors:\n${errors.slice(-20).join('\n')}\n`);
    }
    expect(unexpected).toEqual([]); // no 500, no refused connection
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.body).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(/nothing was saved/),
      });
    }
    expect(health.some((h) => h.status === 503 && h.body?.database === 'down')).toBe(true);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((s) => s === 200)).toBe(true);
    expect(api?.child.pid).toBe(apiPid);
    expect(api?.child.exitCode).toBeNull();
    expect(attempts.slice(-8).every((a) => last(a).status === 201)).toBe(true); // writing again, same process

    const client = await connectDb();
    await retryUnanswered(session, attempts);
    await expectStoredExactlyOnce(client, attempts);
    expect(await keysInFlight(client)).toBe(0); // (c)
  });

  it('prints the cause when it cannot start (another server holds the PostgreSQL port)', async () => {
    const other = freshDataDir();
    try {
      // Its own HTTP port, the suite's PostgreSQL port: the embedded server cannot bind it.
      await expect(startApi(other, 60_000, API_PORT + 2)).rejects.toThrow(
        /failed to start: PostgreSQL exited \(code 1\) before accepting connections: .*Is another postmaster already running on port/,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
