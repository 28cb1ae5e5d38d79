// One size of bench:http: its generated database, the built API and the reference server on it, the
// reads to measure there, and its refills and dose changes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Clock } from '../apps/api/dist/common/clock.js';
import { hashPassword } from '../apps/api/dist/modules/auth/password-hasher.js';
import { FlagEvaluator } from '../apps/api/dist/modules/flags/flag-evaluator.js';
import { freePort } from '../scripts/test-database.mjs';
import { settle } from './bench-database.mjs';
import { generateClinics, generateHistory } from './generate-clinics.mjs';
import { cannon } from './http-measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-password-2026';

/**
 * The queue page the dashboard asks for (REFILL_QUEUE_PAGE_SIZE in apps/web): a 1k clinic (50 pumps) has
 * about 24 pumps due within 30 days, so pages of 25 hold the same number of rows at both sizes, and the
 * growth measures the data's size rather than a page twice as long. The queue's pages are compared with
 * the reference at the same size; every other read with the issue's reference, a page of 50.
 */
const QUEUE_PAGE = 25;
const REFERENCE_PAGE = 50;
export const REFERENCE = 'reference';
export const QUEUE_REFERENCE = `reference, page of ${QUEUE_PAGE}`;

/** The API and reference servers started, stopped even when this process dies of an error. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function waitFor(url, child, what) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer ${url}`);
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function signIn(base, email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return /itb_session=[^;]+/.exec(res.headers.get('set-cookie'))[0];
}

/** Generates `pumps` active pumps on the database, raises the flags a live system would hold, settles it. */
async function generate(client, dataSource, pumps, clinics) {
  const started = performance.now();
  await generateClinics(client, { pumps, clinics });
  await generateHistory(client);
  console.log(
    `${pumps.toLocaleString('en')} pumps generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  // Every bench specialist can sign in.
  await client.query(`UPDATE users SET password_hash = $1 WHERE email LIKE 'bench-%'`, [await hashPassword(PASSWORD)]);
  await dataSource.transaction((m) =>
    new FlagEvaluator(new Clock()).evaluateAll(m, new Date(), { actorId: null, reason: 'bench' }),
  );
  await client.query('VACUUM ANALYZE');
  // Measure a settled database: without this, the generated gigabytes are still being written out
  // while the first endpoints (the queue) are measured at 100k.
  await settle(client);
}

/** The built API (with the event-loop probe when asked) and the reference server, both answering. */
async function startServers(url, clinicId, eventLoop) {
  const apiPort = await freePort();
  const probe = eventLoop ? ['--import', path.join(ROOT, 'bench/event-loop-probe.mjs')] : [];
  const api = spawn(process.execPath, [...probe, path.join(ROOT, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      FLAG_CHECK_INTERVAL_SECONDS: '0',
      // Like the flag pass, the reminder planner is not part of the reads measured here: its first
      // pass over a generated database writes a call and a message for every overdue pump.
      MESSAGE_CHECK_INTERVAL_SECONDS: '0',
      SEED_DEMO: 'false',
      WEB_DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'ignore', 'inherit', ...(eventLoop ? ['ipc'] : [])],
  });
  children.add(api);
  const refPort = await freePort();
  const reference = spawn(process.execPath, [path.join(ROOT, 'bench/http.mjs'), '--reference', url, String(refPort)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(reference);
  const base = `http://127.0.0.1:${apiPort}`;
  const referenceBase = `http://127.0.0.1:${refPort}`;
  await waitFor(`${base}/api/health`, api, 'the API');
  await waitFor(`${referenceBase}/?clinic=${clinicId}&to=2000-01-01&limit=1`, reference, 'the reference');
  return { api, base, referenceBase, stop: () => Promise.all([stop(api), stop(reference)]) };
}

/**
 * Prepares one size on a fresh database: generates it, starts the API and the reference on it, signs
 * every bench specialist in, and names the reads measured there (the URLs the first clinic's specialist
 * asks for). Answers the size's reads, its API process, and what `measureWritesAt` and `stop` need.
 */
export async function prepareSize({ url, dataSource }, pumps, clinics, eventLoop) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await generate(client, dataSource, pumps, clinics);
  const [clinic] = (
    await client.query(
      `SELECT c.id, c.time_zone, u.email, u.id AS user_id FROM clinics c JOIN users u ON u.clinic_id = c.id
       ORDER BY c.name LIMIT 1`,
    )
  ).rows;
  const [target] = (
    await client.query(
      `SELECT pt.id AS patient_id, lower(pt.given_name) AS given, p.id AS pump_id FROM patients pt
       JOIN pumps p ON p.patient_id = pt.id WHERE pt.clinic_id = $1 ORDER BY pt.mrn LIMIT 1`,
      [clinic.id],
    )
  ).rows;
  const servers = await startServers(url, clinic.id, eventLoop);
  const { base, referenceBase } = servers;
  const cookies = new Map();
  for (const u of (await client.query(`SELECT clinic_id, email FROM users WHERE email LIKE 'bench-%'`)).rows) {
    cookies.set(u.clinic_id, await signIn(base, u.email));
  }
  const headers = { cookie: cookies.get(clinic.id) };
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const [today, windowEnd, yearAgo] = [day(0), day(30), day(-365)];

  // Page 50 of the queue: follow the cursor 49 times with pages of 20 (when the clinic has that many).
  let cursor = null;
  for (let i = 0; i < 49; i++) {
    const res = await fetch(
      `${base}/api/refill-queue?withinDays=120&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers },
    );
    cursor = (await res.json()).nextCursor;
    if (!cursor) break;
  }
  const reads = {
    [REFERENCE]: `${referenceBase}/?clinic=${clinic.id}&to=${windowEnd}&limit=${REFERENCE_PAGE}`,
    [QUEUE_REFERENCE]: `${referenceBase}/?clinic=${clinic.id}&to=${windowEnd}&limit=${QUEUE_PAGE}`,
    'queue, first page': `${base}/api/refill-queue?limit=${QUEUE_PAGE}`,
    'queue, filtered': `${base}/api/refill-queue?limit=${QUEUE_PAGE}&unscheduledOnly=true&minSeverity=high`,
    ...(cursor && {
      'queue, page 50': `${base}/api/refill-queue?withinDays=120&limit=20&cursor=${encodeURIComponent(cursor)}`,
    }),
    'overdue report, one year': `${base}/api/reports/overdue?from=${yearAgo}&to=${today}`,
    // A report is reused for a minute while its clinic sees no write: this one asks for a year ending
    // a different day each time, so every request computes its report.
    'overdue report, computed each time': (i) =>
      `${base}/api/reports/overdue?from=${day(-365 - (i % 300))}&to=${day(-(i % 300))}`,
    'patient timeline, first page': `${base}/api/patients/${target.patient_id}/timeline`,
    'patient search': `${base}/api/patients?q=${encodeURIComponent(target.given)}`,
    patient: `${base}/api/patients/${target.patient_id}`,
    pump: `${base}/api/pumps/${target.pump_id}`,
    'pump projection': `${base}/api/pumps/${target.pump_id}/projection`,
    'reservoir history': `${base}/api/pumps/${target.pump_id}/reservoir-history`,
  };
  return {
    pumps,
    reads,
    headers,
    api: eventLoop ? servers.api : null,
    client,
    base,
    cookies,
    stop: async () => {
      await servers.stop();
      await client.end();
    },
  };
}

/** Writes on distinct pumps, each named once: every 2xx must be stored exactly once. */
async function measureWrites(base, cookies, jobs, connections, kind) {
  let next = 0;
  const result = await cannon({
    url: base,
    connections,
    amount: jobs.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const job = jobs[next++ % jobs.length];
          return {
            ...req,
            path: job.path,
            headers: { ...req.headers, cookie: cookies.get(job.clinicId), 'content-type': 'application/json' },
            body: JSON.stringify(job.body),
          };
        },
      },
    ],
  });
  if (result.errors) throw new Error(`${kind}: ${JSON.stringify(result)}`);
  return result;
}

/**
 * Refills and dose changes on distinct pumps whose fill is 40–80 days old (no short-interval or dry-pump
 * question), each with the residual the programme left, at 1 and 8 connections; then whether every 2xx
 * was stored exactly once. Answers the figures by row name and `writesStoredOnce`.
 */
export async function measureWritesAt({ client, base, cookies }) {
  const lot = `BENCH-${Date.now()}`;
  const candidates = (
    await client.query(
      `SELECT p.id, p.clinic_id, p.version,
              round(20 - 0.2 * extract(epoch FROM now() - f.performed_at) / 86400, 1)::float AS residual
       FROM pumps p JOIN fills f ON f.id = p.current_fill_id
       WHERE p.status = 'active' AND f.performed_at BETWEEN now() - interval '80 days' AND now() - interval '40 days'
       ORDER BY p.id LIMIT 6000`,
    )
  ).rows;
  const refillJob = (p) => ({
    clinicId: p.clinic_id,
    path: `/api/pumps/${p.id}/fills`,
    body: {
      pumpVersion: p.version,
      performedAt: new Date().toISOString(),
      residualWithdrawnMl: p.residual,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: lot,
      lotExpiresOn: '2030-01-01',
    },
  });
  const specialists = new Map(
    (await client.query(`SELECT clinic_id, id FROM users WHERE email LIKE 'bench-%'`)).rows.map((u) => [
      u.clinic_id,
      u.id,
    ]),
  );
  const doseJob = (p) => ({
    clinicId: p.clinic_id,
    path: `/api/pumps/${p.id}/dose-adjustments`,
    body: {
      pumpVersion: p.version,
      effectiveAt: new Date().toISOString(),
      newDailyDoseMcg: 420,
      reason: 'titration_up',
      orderedById: specialists.get(p.clinic_id),
      notes: lot,
    },
  });
  const quarter = Math.floor(candidates.length / 4);
  const oneConnection = Math.min(quarter, 200);
  const writes = {
    'refill, 1 connection': await measureWrites(
      base,
      cookies,
      candidates.slice(0, oneConnection).map(refillJob),
      1,
      'refill',
    ),
    'refill, 8 connections': await measureWrites(
      base,
      cookies,
      candidates.slice(quarter, 2 * quarter).map(refillJob),
      8,
      'refill',
    ),
    'dose change, 1 connection': await measureWrites(
      base,
      cookies,
      candidates.slice(2 * quarter, 2 * quarter + oneConnection).map(doseJob),
      1,
      'dose change',
    ),
    'dose change, 8 connections': await measureWrites(
      base,
      cookies,
      candidates.slice(3 * quarter).map(doseJob),
      8,
      'dose change',
    ),
  };
  const [stored] = (
    await client.query(
      `SELECT (SELECT count(*) FROM fills WHERE lot_number = $1)::int AS fills,
              (SELECT count(DISTINCT pump_id) FROM fills WHERE lot_number = $1)::int AS fill_pumps,
              (SELECT count(*) FROM dose_adjustments WHERE notes = $1)::int AS doses,
              (SELECT count(DISTINCT pump_id) FROM dose_adjustments WHERE notes = $1)::int AS dose_pumps`,
      [lot],
    )
  ).rows;
  const refills2xx = writes['refill, 1 connection'].ok + writes['refill, 8 connections'].ok;
  const doses2xx = writes['dose change, 1 connection'].ok + writes['dose change, 8 connections'].ok;
  const figures = {};
  for (const [name, w] of Object.entries(writes)) {
    figures[name] = { p50: w.p50, p99: w.p99, rps: w.rps, ok: w.ok, non2xx: w.non2xx };
    console.log(`  ${name.padEnd(30)} p50 ${w.p50} ms, ${w.rps.toFixed(0)} req/s, ${w.ok} 2xx, ${w.non2xx} other`);
  }
  figures.writesStoredOnce = {
    refills: { answered2xx: refills2xx, stored: stored.fills, distinctPumps: stored.fill_pumps },
    doseChanges: { answered2xx: doses2xx, stored: stored.doses, distinctPumps: stored.dose_pumps },
    isExact:
      refills2xx === stored.fills &&
      stored.fills === stored.fill_pumps &&
      doses2xx === stored.doses &&
      stored.doses === stored.dose_pumps,
  };
  console.log(`  every 2xx stored exactly once: ${figures.writesStoredOnce.isExact}`);
  return figures;
}
