// The API over HTTP at two sizes (issue 15): generates 1,000 and 100,000 active pumps with two years of
// history (the bench generator) on two databases, starts the built API on each, and beside it a bare Node
// server that answers a queue page with the single indexed SQL through `pg` (the reference: the issue's
// page of 50, and one of the dashboard's 25 that the queue's own pages are compared with). With every
// size up at once, drives each read endpoint with autocannon at every size and its reference in
// alternating one-second rounds (bench/http-measure.mjs), 1 connection for latency and 32 for
// throughput; then refills and dose changes on distinct pumps at each size; and prints one table: p50 at
// each size, the growth, the throughput, and the ratios to the reference measured beside each read.
//
//   npm run bench:http [-- --sizes 1000,100000 --seconds 5 --clinics 20] [--event-loop] [--only <text>]
//
// --event-loop preloads bench/event-loop-probe.mjs into the APIs and adds, per read, during each API's
// 1-connection rounds, the most CPU its main thread used without letting the event loop turn (`loop
// held`: a request's work or a garbage-collection pause), that hold less the collections within it
// (`held outside collections`: the most held by the requests' own code), and the longest the loop was
// late by the wall clock (`loop late`: also the time it waited for one of the two cores). --only keeps
// the reads whose name contains the text (and the references) and skips the writes: a quicker run of one
// endpoint; `--only writes` measures only the refills and dose changes.
//
// Uses BENCH_DATABASE_URL (a server URL) or a throw-away PostgreSQL per size. Results also go to
// reports/bench-http.json. The machine's other load shows in the numbers: run it on a quiet machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withBenchDatabase } from './bench-database.mjs';
import { measurePaired } from './http-measure.mjs';
import { measureWritesAt, prepareSize, QUEUE_REFERENCE, REFERENCE } from './http-size.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The single indexed SQL of a queue page: the reference server runs only this. $1 clinic, $2 window end,
 * $3 page size.
 */
const REFERENCE_QUEUE_SQL = `
  SELECT p.id, p.patient_id, p.refill_by::text AS refill_by, p.alarm_at, p.empty_at, p.queue_rank,
         pt.mrn, pt.given_name, pt.family_name
  FROM pumps p JOIN patients pt ON pt.id = p.patient_id
  WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by <= $2::date
  ORDER BY p.refill_by, p.queue_rank, p.id
  LIMIT $3::int`;

/** Runs `work` with one fresh database per size, all up at once (withBenchDatabase, nested). */
function withDatabases(count, work, databases = []) {
  if (databases.length === count) return work(databases);
  return withBenchDatabase((database) => withDatabases(count, work, [...databases, database]));
}

/** The reference a read is compared with: the queue's pages with the page of their size, the rest the issue's. */
const referenceOf = (name) => (name.startsWith('queue') ? QUEUE_REFERENCE : REFERENCE);

/**
 * Every read at every size, each beside the reference it is compared with at the largest size (a
 * reference row itself is measured at every size on its own). Answers figures[size][name], each with
 * `reference` (the paired reference's p50 and req/s) on the largest size's compared reads.
 */
async function measureReads(prepared, seconds, only) {
  const largest = prepared[prepared.length - 1];
  const figures = Object.fromEntries(prepared.map((size) => [size.pumps, {}]));
  for (const name of Object.keys(largest.reads)) {
    const isReference = name.startsWith(REFERENCE);
    if (only === 'writes' || (only && !isReference && !name.includes(only))) continue;
    const at = prepared.filter((size) => size.reads[name]);
    const reads = at.map((size) => ({
      url: size.reads[name],
      headers: isReference ? {} : size.headers,
      api: isReference ? null : size.api,
    }));
    if (!isReference) reads.push({ url: largest.reads[referenceOf(name)], headers: {}, api: null });
    const measured = await measurePaired(reads, seconds);
    at.forEach((size, i) => (figures[size.pumps][name] = measured[i]));
    if (!isReference) {
      const { p50, rps } = measured[measured.length - 1];
      figures[largest.pumps][name].reference = { name: referenceOf(name), p50, rps };
    }
    const shown = at.map((size, i) => {
      const f = measured[i];
      const loop =
        f.eventLoopMaxMs === undefined
          ? ''
          : `, loop held ${f.eventLoopHeldMs} ms (collections within it ${f.eventLoopHeldGcMs} ms by the clock), ${f.eventLoopHeldOutsideGcMs} ms outside collections, late ${f.eventLoopMaxMs} ms`;
      return `${size.pumps.toLocaleString('en')}: p50 ${f.p50} ms, ${f.rps.toFixed(0)} req/s @32${loop}`;
    });
    if (!isReference) shown.push(`its reference p50 ${measured[measured.length - 1].p50} ms`);
    console.log(`  ${name.padEnd(34)} ${shown.join(' | ')}`);
  }
  return figures;
}

/** The table for docs/PERFORMANCE.md: the first and the last size, the ratios at the last. */
function printTable(report, sizes, loopColumn) {
  const [small, large] = [report.sizes[sizes[0]], report.sizes[sizes[sizes.length - 1]]];
  const rows = Object.keys(large).filter((name) => name !== 'writesStoredOnce');
  // A row the small size lacks (page 50 of a short queue) still shows. The growth has two decimals: its
  // bound is 1.5×, and one decimal showed 1.504× as 1.5×.
  const ms = (v) => (v === undefined || v === null ? '–' : `${v} ms`);
  const sizeNames = sizes.map((n) => n.toLocaleString('en')).join(' / ');
  console.log(
    `\n| endpoint | ${sizes[0].toLocaleString('en')} p50 | ${sizes[sizes.length - 1].toLocaleString('en')} p50 | growth | req/s | reference p50 | p50 vs reference | req/s vs reference |${loopColumn ? ` loop held (${sizeNames}) | held outside collections (${sizeNames}) | loop late (${sizeNames}) |` : ''}`,
  );
  console.log(`|---|---|---|---|---|---|---|---|${loopColumn ? '---|---|---|' : ''}`);
  for (const name of rows) {
    const a = small?.[name];
    const b = large[name];
    const isRead = !name.includes('connection');
    const ref = b.reference;
    console.log(
      `| ${name} | ${ms(a?.p50)} | ${ms(b.p50)} | ${a && a.p50 > 0 ? `${(b.p50 / a.p50).toFixed(2)}×` : '–'} | ${b.rps.toFixed(0)}${isRead ? ' @32' : ''} | ${
        ref ? ms(ref.p50) : '–'
      } | ${ref ? `${(b.p50 / ref.p50).toFixed(1)}×` : '–'} | ${ref ? `${((100 * b.rps) / ref.rps).toFixed(0)} %` : '–'} |${
        loopColumn
          ? ` ${ms(a?.eventLoopHeldMs)} / ${ms(b.eventLoopHeldMs)} | ${ms(a?.eventLoopHeldOutsideGcMs)} / ${ms(b.eventLoopHeldOutsideGcMs)} | ${ms(a?.eventLoopMaxMs)} / ${ms(b.eventLoopMaxMs)} |`
          : ''
      }`,
    );
  }
  const once = large.writesStoredOnce;
  if (once) console.log(`\nEvery 2xx write stored exactly once: ${once.isExact} (${JSON.stringify(once)})`);
  console.log(
    `Load average at start ${report.loadAverageAtStart.map((l) => l.toFixed(1)).join(', ')}, at end ${report.loadAverageAtEnd.map((l) => l.toFixed(1)).join(', ')} on ${report.cpus} CPUs.`,
  );
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
  const only = values.only ?? null;
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
  await withDatabases(sizes.length, async (databases) => {
    const prepared = [];
    try {
      for (const [i, size] of sizes.entries()) {
        console.log(`\n${size.toLocaleString('en')} active pumps in ${values.clinics} clinics`);
        prepared.push(await prepareSize(databases[i], size, Number(values.clinics), values['event-loop']));
      }
      console.log(`\nReads, every size and the reference side by side (${seconds} rounds of 1 s each)`);
      report.sizes = await measureReads(prepared, seconds, only);
      if (only && only !== 'writes') return;
      for (const size of prepared) {
        console.log(`\nWrites at ${size.pumps.toLocaleString('en')} pumps`);
        Object.assign(report.sizes[size.pumps], await measureWritesAt(size));
      }
    } finally {
      await Promise.all(prepared.map((size) => size.stop()));
    }
  });
  report.loadAverageAtEnd = os.loadavg();
  mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  writeFileSync(path.join(ROOT, 'reports/bench-http.json'), `${JSON.stringify(report, null, 2)}\n`);
  printTable(report, sizes, values['event-loop']);
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
