// The API over HTTP at two sizes (issue 15): generates 1,000 and 100,000 active pumps with two years of
// history (the bench generator), starts the built API on each, and beside it a bare Node server that
// answers a queue page with the single indexed SQL through `pg` (the reference: the issue's page of 50,
// and one of the dashboard's 25 that the queue's own pages are compared with). Drives every read
// endpoint with autocannon, 1 connection for latency and 32 for throughput, then refills and dose
// changes on distinct pumps, and prints one table: p50 at each size, the growth, the throughput, and the
// ratios to the reference.
//
//   npm run bench:http [-- --sizes 1000,100000 --seconds 5 --clinics 20] [--event-loop] [--only <text>]
//
// --event-loop preloads bench/event-loop-probe.mjs into the API and adds, per read, the longest the
// API's event loop was held during its 1-connection run (`loop max`). --only keeps the reads whose name
// contains the text (and the reference) and skips the writes: a quicker run of one endpoint; `--only
// writes` measures only the refills and dose changes.
//
// Uses BENCH_DATABASE_URL (a server URL) or a throw-away PostgreSQL per size. Results also go to
// reports/bench-http.json. The machine's other load shows in the numbers: run it on a quiet machine.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { Clock } from '../apps/api/dist/common/clock.js';
import { hashPassword } from '../apps/api/dist/modules/auth/password-hasher.js';
import { FlagEvaluator } from '../apps/api/dist/modules/flags/flag-evaluator.js';
import { settle, withBenchDatabase } from './bench-database.mjs';
import { generateClinics, generateHistory } from './generate-clinics.mjs';

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
const QUEUE_REFERENCE = `reference, page of ${QUEUE_PAGE}`;

/**
 * The single indexed SQL of a queue page: the reference server runs only this. $1 clinic, $2 window end,
 * $3 page size.
 */
export const REFERENCE_QUEUE_SQL = `
  SELECT p.id, p.patient_id, p.refill_by::text AS refill_by, p.alarm_at, p.empty_at, p.queue_rank,
         pt.mrn, pt.given_name, pt.family_name
  FROM pumps p JOIN patients pt ON pt.id = p.patient_id
  WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by <= $2::date
  ORDER BY p.refill_by, p.queue_rank, p.id
  LIMIT $3::int`;

/** The API and reference servers started, stopped even when this process dies of an error. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

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

/** The value at a quantile of sorted numbers, to 0.01. */
const quantile = (sorted, q) =>
  Math.round(100 * sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) / 100;

/**
 * One autocannon run; answers p50 and p99 (ms, from every 2xx response's own time: autocannon's
 * histogram counts whole milliseconds), req/s over the whole run and the status counts.
 */
function cannon(options) {
  return new Promise((resolve, reject) => {
    const times = [];
    const startedAt = performance.now();
    let lastResponseAt = startedAt;
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      resolve({
        p50: times.length ? quantile(times, 0.5) : NaN,
        p99: times.length ? quantile(times, 0.99) : NaN,
        // Every response over the time from the run's start to its last response. autocannon's
        // requests.average is the mean of its one-second samples, and its duration ends on a whole
        // second: a run bounded by `amount` (the writes) ends in a part-second that either drags down.
        rps: lastResponseAt > startedAt ? (1000 * result.requests.total) / (lastResponseAt - startedAt) : 0,
        ok: result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

/** Asks the API's event-loop probe (bench/event-loop-probe.mjs) to reset its window, or for its figures. */
function askProbe(api, message) {
  return new Promise((resolve) => {
    api.once('message', resolve);
    api.send(message);
  });
}

/**
 * `url` is a string, or a function of the request's number for a path that changes with each request.
 * With `api` (an API started with the event-loop probe), also the event loop's longest hold during the
 * 1-connection run.
 */
async function measureRead(url, headers, seconds, api = null) {
  let n = 0;
  const target =
    typeof url === 'function'
      ? {
          url: url(0),
          requests: [
            { setupRequest: (req) => ({ ...req, path: new URL(url(++n)).pathname + new URL(url(n)).search }) },
          ],
        }
      : { url };
  await cannon({ ...target, headers, connections: 1, duration: 1 }); // warm the plans and the caches
  if (api) await askProbe(api, 'reset');
  const latency = await cannon({ ...target, headers, connections: 1, duration: seconds });
  const loop = api ? await askProbe(api, 'read') : null;
  const throughput = await cannon({ ...target, headers, connections: 32, duration: seconds });
  if (latency.non2xx || throughput.non2xx || latency.errors || throughput.errors) {
    throw new Error(`${url}: ${JSON.stringify({ latency, throughput })}`);
  }
  return {
    p50: latency.p50,
    p99: latency.p99,
    rps: throughput.rps,
    p50At32: throughput.p50,
    ...(loop && { eventLoopMaxMs: loop.maxMs, eventLoopP99Ms: loop.p99Ms }),
  };
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

async function benchSize(pumps, clinics, seconds, reportJson, { eventLoop = false, only = null } = {}) {
  const figures = {};
  await withBenchDatabase(async ({ url, dataSource }) => {
    const started = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await generateClinics(client, { pumps, clinics });
    await generateHistory(client);
    console.log(
      `${pumps.toLocaleString('en')} pumps generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    // Every bench specialist can sign in; the flags a live system would hold are raised once.
    await client.query(`UPDATE users SET password_hash = $1 WHERE email LIKE 'bench-%'`, [
      await hashPassword(PASSWORD),
    ]);
    await dataSource.transaction((m) =>
      new FlagEvaluator(new Clock()).evaluateAll(m, new Date(), { actorId: null, reason: 'bench' }),
    );
    await client.query('VACUUM ANALYZE');
    // Measure a settled database: without this, the generated gigabytes are still being written out
    // while the first endpoints (the queue) are measured at 100k.
    await settle(client);

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
    const reference = spawn(process.execPath, [fileURLToPath(import.meta.url), '--reference', url, String(refPort)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.add(reference);
    try {
      const base = `http://127.0.0.1:${apiPort}`;
      await waitFor(`${base}/api/health`, api, 'the API');
      await waitFor(
        `http://127.0.0.1:${refPort}/?clinic=${clinic.id}&to=2000-01-01&limit=1`,
        reference,
        'the reference',
      );
      const cookies = new Map();
      for (const u of (await client.query(`SELECT clinic_id, email FROM users WHERE email LIKE 'bench-%'`)).rows) {
        cookies.set(u.clinic_id, await signIn(base, u.email));
      }
      const headers = { cookie: cookies.get(clinic.id) };
      const today = new Date().toISOString().slice(0, 10);
      const windowEnd = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

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
        reference: `http://127.0.0.1:${refPort}/?clinic=${clinic.id}&to=${windowEnd}&limit=${REFERENCE_PAGE}`,
        [QUEUE_REFERENCE]: `http://127.0.0.1:${refPort}/?clinic=${clinic.id}&to=${windowEnd}&limit=${QUEUE_PAGE}`,
        'queue, first page': `${base}/api/refill-queue?limit=${QUEUE_PAGE}`,
        'queue, filtered': `${base}/api/refill-queue?limit=${QUEUE_PAGE}&unscheduledOnly=true&minSeverity=high`,
        ...(cursor && {
          'queue, page 50': `${base}/api/refill-queue?withinDays=120&limit=20&cursor=${encodeURIComponent(cursor)}`,
        }),
        'overdue report, one year': `${base}/api/reports/overdue?from=${yearAgo}&to=${today}`,
        // A report is reused for a minute while its clinic sees no write: this one asks for a year ending
        // a different day each time, so every request computes its report.
        'overdue report, computed each time': (i) => {
          const day = (back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
          return `${base}/api/reports/overdue?from=${day(365 + (i % 300))}&to=${day(i % 300)}`;
        },
        'patient timeline, first page': `${base}/api/patients/${target.patient_id}/timeline`,
        'patient search': `${base}/api/patients?q=${encodeURIComponent(target.given)}`,
        patient: `${base}/api/patients/${target.patient_id}`,
        pump: `${base}/api/pumps/${target.pump_id}`,
        'pump projection': `${base}/api/pumps/${target.pump_id}/projection`,
        'reservoir history': `${base}/api/pumps/${target.pump_id}/reservoir-history`,
      };
      for (const [name, url] of Object.entries(reads)) {
        const isReference = name.startsWith('reference');
        if (only === 'writes' || (only && !isReference && !name.includes(only))) continue;
        const isApi = eventLoop && !isReference;
        figures[name] = await measureRead(url, isReference ? {} : headers, seconds, isApi ? api : null);
        const loop = isApi ? `, loop max ${figures[name].eventLoopMaxMs} ms` : '';
        console.log(
          `  ${name.padEnd(30)} p50 ${figures[name].p50} ms, ${figures[name].rps.toFixed(0)} req/s @32${loop}`,
        );
      }
      if (only && only !== 'writes') return;

      // Refills and dose changes on distinct pumps whose fill is 40–80 days old (no short-interval or
      // dry-pump question), each with the residual the programme left.
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
      const writes = {
        'refill, 1 connection': await measureWrites(
          base,
          cookies,
          candidates.slice(0, Math.min(quarter, 200)).map(refillJob),
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
          candidates.slice(2 * quarter, 2 * quarter + Math.min(quarter, 200)).map(doseJob),
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
    } finally {
      await Promise.all([stop(api), stop(reference)]);
      await client.end();
    }
  });
  reportJson[pumps] = figures;
  return figures;
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,100000' },
      seconds: { type: 'string', default: '5' },
      clinics: { type: 'string', default: '20' },
      'event-loop': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const seconds = Number(values.seconds);
  const report = {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg(),
    node: process.version,
    seconds,
    clinics: Number(values.clinics),
    sizes: {},
  };
  for (const size of sizes) {
    console.log(`\n${size.toLocaleString('en')} active pumps in ${values.clinics} clinics`);
    await benchSize(size, Number(values.clinics), seconds, report.sizes, {
      eventLoop: values['event-loop'],
      only: values.only ?? null,
    });
  }
  report.loadAverageAtEnd = os.loadavg();
  mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  writeFileSync(path.join(ROOT, 'reports/bench-http.json'), `${JSON.stringify(report, null, 2)}\n`);

  const [small, large] = [report.sizes[sizes[0]], report.sizes[sizes[sizes.length - 1]]];
  const ref = large.reference;
  const rows = Object.keys(large).filter((name) => name !== 'writesStoredOnce');
  const loopColumn = values['event-loop'];
  // A row the small size lacks (page 50 of a short queue) still shows.
  const ms = (v) => (v === undefined ? '–' : `${v} ms`);
  console.log(
    `\n| endpoint | ${sizes[0].toLocaleString('en')} p50 | ${sizes[sizes.length - 1].toLocaleString('en')} p50 | growth | req/s | p50 vs reference | req/s vs reference |${loopColumn ? ' loop max (1k / 100k) |' : ''}`,
  );
  console.log(`|---|---|---|---|---|---|---|${loopColumn ? '---|' : ''}`);
  for (const name of rows) {
    const a = small?.[name];
    const b = large[name];
    const isRead = !name.includes('connection') && ref !== undefined;
    const isCompared = isRead && !name.startsWith('reference');
    // The queue's pages against the reference of their size (when measured), the rest against the issue's.
    const against = (name.startsWith('queue') && large[QUEUE_REFERENCE]) || ref;
    console.log(
      `| ${name} | ${ms(a?.p50)} | ${ms(b.p50)} | ${a && a.p50 > 0 ? `${(b.p50 / a.p50).toFixed(1)}×` : '–'} | ${b.rps.toFixed(0)}${isRead ? ' @32' : ''} | ${
        isCompared ? `${(b.p50 / against.p50).toFixed(1)}×` : '–'
      } | ${isCompared ? `${((100 * b.rps) / against.rps).toFixed(0)} %` : '–'} |${
        loopColumn ? ` ${ms(a?.eventLoopMaxMs)} / ${ms(b.eventLoopMaxMs)} |` : ''
      }`,
    );
  }
  const once = large.writesStoredOnce;
  if (once) console.log(`\nEvery 2xx write stored exactly once: ${once.isExact} (${JSON.stringify(once)})`);
  console.log(
    `Load average at start ${report.loadAverageAtStart.map((l) => l.toFixed(1)).join(', ')}, at end ${report.loadAverageAtEnd.map((l) => l.toFixed(1)).join(', ')} on ${report.cpus} CPUs.`,
  );
}

// The reference server, when this file is started as one: `node bench/http.mjs --reference <db url> <port>`.
if (process.argv[2] === '--reference') {
  const [, , , url, port] = process.argv;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined); // the database stops before this server at the end of a size
  http
    .createServer((req, res) => {
      const query = new URL(req.url, 'http://x').searchParams;
      pool.query(REFERENCE_QUEUE_SQL, [query.get('clinic'), query.get('to'), query.get('limit')]).then(
        ({ rows }) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ items: rows }));
        },
        (error) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    })
    .listen(Number(port), '127.0.0.1');
} else {
  await main();
}
