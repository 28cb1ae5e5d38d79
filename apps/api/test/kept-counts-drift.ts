import type { DataSource } from 'typeorm';

/** A fill's tenth of a day from refill to alarm, written out here as the report-kept-counts migration does. */
const BUCKET = `floor((extract(epoch FROM f.due_alarm_at - f.performed_at) / 86400)::float8 * 10)::int`;

/** The due counts from the raw rows: each fill's outcome on its due day, each active pump's refill-by. */
const DUE_FROM_ROWS = `
  SELECT clinic_id, day, specialist_id, performed_by, sum(on_time) AS on_time, sum(late) AS late,
         sum(after_alarm) AS after_alarm, sum(unanswered) AS unanswered
  FROM (
    SELECT f.clinic_id, f.due_refill_by AS day, pt.primary_specialist_id AS specialist_id, f.performed_by,
           (f.performed_at <= f.due_alarm_at IS NOT FALSE AND f.performed_on <= f.due_refill_by)::int AS on_time,
           (f.performed_at <= f.due_alarm_at IS NOT FALSE AND f.performed_on > f.due_refill_by)::int AS late,
           (f.performed_at > f.due_alarm_at IS TRUE)::int AS after_alarm, 0 AS unanswered
    FROM fills f JOIN pumps pp ON pp.id = f.pump_id JOIN patients pt ON pt.id = pp.patient_id
    WHERE NOT f.is_initial AND f.due_refill_by IS NOT NULL
    UNION ALL
    SELECT p.clinic_id, p.refill_by, pt.primary_specialist_id, NULL, 0, 0, 0, 1
    FROM pumps p JOIN patients pt ON pt.id = p.patient_id
    WHERE p.status = 'active' AND p.refill_by IS NOT NULL) parts
  GROUP BY 1, 2, 3, 4`;

const DUE_KEPT = `
  SELECT clinic_id, due_on AS day, specialist_id, performed_by, sum(on_time) AS on_time, sum(late) AS late,
         sum(after_alarm) AS after_alarm, sum(unanswered) AS unanswered
  FROM report_due_counts GROUP BY 1, 2, 3, 4
  HAVING sum(on_time) <> 0 OR sum(late) <> 0 OR sum(after_alarm) <> 0 OR sum(unanswered) <> 0`;

const ALARM_FROM_ROWS = `
  SELECT f.clinic_id, x.is_month, x.day, ${BUCKET} AS bucket, count(*) AS n
  FROM fills f
  CROSS JOIN LATERAL (VALUES (false, f.due_refill_by), (true, date_trunc('month', f.due_refill_by)::date)) x(is_month, day)
  WHERE NOT f.is_initial AND f.due_refill_by IS NOT NULL AND f.due_alarm_at IS NOT NULL
  GROUP BY 1, 2, 3, 4`;

const ALARM_KEPT = `
  SELECT clinic_id, is_month, due_on AS day, bucket, sum(n) AS n FROM report_alarm_counts
  GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`;

/**
 * The keys whose kept report counts (the triggers of migration 1764760000000) differ from the raw rows,
 * every clinic: [] when they add up to the records. report-kept-counts.int-spec.ts checks the report's
 * figures after direct SQL writes; this checks the counts after the API's own writes, whose single
 * statements insert a fill, move its pump and fulfil an appointment at once.
 */
export async function keptCountsDrift(dataSource: DataSource): Promise<unknown[]> {
  const differ = (a: string, b: string, what: string) =>
    `SELECT '${what}: kept, not in the rows' AS drift, * FROM (${a} EXCEPT ${b}) d
     UNION ALL SELECT '${what}: in the rows, not kept', * FROM (${b} EXCEPT ${a}) d`;
  const due = (await dataSource.query(differ(DUE_KEPT, DUE_FROM_ROWS, 'due'))) as unknown[];
  const alarm = (await dataSource.query(differ(ALARM_KEPT, ALARM_FROM_ROWS, 'alarm'))) as unknown[];
  return [...due, ...alarm];
}
