// Times the due-refill queue and the overdue-refill report on full clinics: N active pumps (default
// 100,000, in 20 clinics) with two years of refills and appointments.
//
//   npm run build && node bench/queue-and-report.mjs [--pumps 100000] [--clinics 20] [--runs 20]
//
// Each figure is the median of `runs` calls of the API's own services (SQL plus the domain work done
// per page), measured in this process, after one flag evaluation pass; EXPLAIN output shows which
// indexes the plans use.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Clock } from '../apps/api/dist/common/clock.js';
import { StaleReads } from '../apps/api/dist/common/stale-reads.js';
import { AuditService } from '../apps/api/dist/modules/audit/audit.service.js';
import { ClinicsService } from '../apps/api/dist/modules/clinics/clinics.service.js';
import { FlagEvaluator } from '../apps/api/dist/modules/flags/flag-evaluator.js';
import { RefillQueueService } from '../apps/api/dist/modules/refill-queue/refill-queue.service.js';
import { OverdueReportService } from '../apps/api/dist/modules/reports/overdue-report.service.js';
import { withBenchDatabase } from './bench-database.mjs';
import { generateClinics, generateHistory } from './generate-clinics.mjs';

const { values } = parseArgs({
  options: {
    pumps: { type: 'string', default: '100000' },
    clinics: { type: 'string', default: '20' },
    runs: { type: 'string', default: '20' },
  },
});
const runs = Number(values.runs);
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

async function median(fn) {
  await fn(); // warm the cache and the plan
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)].toFixed(1);
}

await withBenchDatabase(async ({ url, dataSource }) => {
  let started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await generateClinics(client, { pumps: Number(values.pumps), clinics: Number(values.clinics) });
  await generateHistory(client);
  const [{ fills, appointments }] = (
    await client.query(
      `SELECT (SELECT count(*) FROM fills)::int AS fills, (SELECT count(*) FROM appointments)::int AS appointments`,
    )
  ).rows;
  console.log(
    `generated ${Number(values.pumps).toLocaleString('en')} active pumps in ${values.clinics} clinics, ` +
      `${fills.toLocaleString('en')} fills, ${appointments.toLocaleString('en')} appointments in ${seconds(started)} s`,
  );
  const [{ id: clinicId }] = (await client.query(`SELECT id FROM clinics ORDER BY name LIMIT 1`)).rows;

  const clock = new Clock();
  // The flags a live system would hold (the queue shows and filters on them).
  started = performance.now();
  await dataSource.transaction((m) =>
    new FlagEvaluator(clock).evaluateAll(m, new Date(), { actorId: null, reason: 'bench' }),
  );
  console.log(`flag evaluation pass in ${seconds(started)} s`);
  await dataSource.query('ANALYZE flags');
  const clinics = new ClinicsService(dataSource, new AuditService());
  // No replicas here: StaleReads reads on the bench database itself.
  const staleReads = new StaleReads(dataSource);
  const queue = new RefillQueueService(staleReads, clock);
  const report = new OverdueReportService(staleReads, clinics, clock);
  const page = (q) => queue.list(clinicId, { withinDays: 30, limit: 50, ...q });

  // Page 50: follow the cursor 49 times with a small page, then time the 50th page.
  let cursor;
  for (let i = 0; i < 49; i++) cursor = (await queue.list(clinicId, { withinDays: 120, limit: 20, cursor })).nextCursor;
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const figures = {
    'queue, first page (50 rows)': await median(() => page({})),
    'queue, unscheduled + high severity': await median(() => page({ unscheduledOnly: true, minSeverity: 'high' })),
    'queue, page 50 by keyset (20 rows)': await median(() =>
      queue.list(clinicId, { withinDays: 120, limit: 20, cursor }),
    ),
    'overdue report, one year': await median(() => report.build(clinicId, { from: yearAgo, to: today }, 50)),
  };
  for (const [name, ms] of Object.entries(figures)) console.log(`${name.padEnd(40)} ${ms} ms (median of ${runs})`);

  const plan = async (label, sql, params) => {
    const rows = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
    console.log(`\n${label}:\n${rows.filter((r) => /Index|Seq Scan|Bitmap/.test(r)).join('\n')}`);
  };
  await plan(
    'queue rows (pumps by refill-by)',
    `SELECT id FROM pumps WHERE clinic_id = $1 AND status = 'active' AND refill_by <= $2::date ORDER BY refill_by, id LIMIT 51`,
    [clinicId, today],
  );
  await plan(
    'report refills in a year',
    `SELECT count(*) FROM fills f WHERE f.clinic_id = $1 AND NOT f.is_initial AND f.performed_at >= $2::timestamptz`,
    [clinicId, yearAgo],
  );
  await client.end();
});
