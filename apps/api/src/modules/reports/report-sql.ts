/**
 * The overdue report's two populations, as SQL row sources shared by the counts, the drill-down and
 * the CSV, so a count and the list behind it can never disagree. Parameters: $1 clinic, $2 from,
 * $3 to (clinic dates, inclusive), $4 today (clinic date), $5 now (instant), $6 the hours after which
 * a booking that saw no refill counts as missed (BOOKING_MISSED_AFTER_HOURS, DESIGN.md).
 */

/**
 * Every refill that fell due in the span, by its refill-by date: each refill recorded against the
 * refill-by it answered to (stored on the fill), and each active pump's refill-by not answered yet.
 * Outcomes are disjoint: after_alarm (done after the alarm instant), late (after the refill-by date),
 * on_time, not_done (refill-by before today and no refill: overdue now) and pending (due today or later).
 */
export const DUE_REFILLS = `
  SELECT f.id AS row_id, f.pump_id, f.due_refill_by AS due_on, f.performed_on AS done_on, f.performed_by,
         CASE WHEN f.performed_at > f.due_alarm_at THEN 'after_alarm'
              WHEN f.performed_on > f.due_refill_by THEN 'late'
              ELSE 'on_time' END AS outcome,
         extract(epoch FROM f.due_alarm_at - f.performed_at) / 86400 AS days_to_alarm
  FROM fills f
  WHERE f.clinic_id = $1 AND NOT f.is_initial AND f.due_refill_by BETWEEN $2::date AND $3::date
  UNION ALL
  SELECT p.id, p.id, p.refill_by, NULL, NULL,
         CASE WHEN p.refill_by < $4::date THEN 'not_done' ELSE 'pending' END, NULL
  FROM pumps p
  WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by BETWEEN $2::date AND $3::date`;

/**
 * An appointment `a` that can no longer happen (libs/domain isBookingMissed): its clinic day is over,
 * or, booked, it started the missed-after hours ago. Given the placeholders of today, now and the hours.
 */
const hasPassed = (today: string, now: string, hours: string) =>
  `(a.starts_on < ${today}::date
    OR (a.status = 'booked' AND a.starts_at <= ${now}::timestamptz - make_interval(hours => ${hours})))`;

/**
 * Every refill appointment to happen in the span (by its clinic day), with what became of it:
 * fulfilled, marked_no_show, passed_without_fill (booked, passed, no refill), arrived_without_fill
 * (checked in on a day now over, no refill), cancelled, or upcoming (can still happen).
 */
export const REFILL_APPOINTMENTS = `
  SELECT a.id, a.patient_id, a.pump_id, a.starts_at, a.starts_on,
         CASE WHEN a.status = 'cancelled' THEN 'cancelled'
              WHEN a.status = 'fulfilled' THEN 'fulfilled'
              WHEN a.status = 'noshow' THEN 'marked_no_show'
              WHEN a.status = 'booked' AND ${hasPassed('$4', '$5', '$6')} THEN 'passed_without_fill'
              WHEN a.status = 'arrived' AND ${hasPassed('$4', '$5', '$6')} THEN 'arrived_without_fill'
              ELSE 'upcoming' END AS outcome
  FROM appointments a
  WHERE a.clinic_id = $1 AND a.type = 'refill' AND a.starts_on BETWEEN $2::date AND $3::date`;

/** Counts over DUE_REFILLS rows named `d` (the raw computation the kept counts equal; see KEPT_DUE_COUNTS). */
export const DUE_COUNTS = `
  count(*) FILTER (WHERE d.outcome <> 'pending')::int AS fell_due,
  count(*) FILTER (WHERE d.outcome = 'on_time')::int AS on_time,
  count(*) FILTER (WHERE d.outcome = 'late')::int AS late,
  count(*) FILTER (WHERE d.outcome = 'after_alarm')::int AS after_alarm,
  count(*) FILTER (WHERE d.outcome = 'not_done')::int AS not_done,
  count(*) FILTER (WHERE d.outcome = 'pending')::int AS pending`;

export interface DueCountRow {
  fell_due: number;
  on_time: number;
  late: number;
  after_alarm: number;
  not_done: number;
  pending: number;
}

/**
 * The raw computation KEPT_VISIT_COUNTS equals (report-kept-counts.int-spec compares them).
 * NO_SHOW_COUNTS for the report's period and the one before it in one pass: REFILL_APPOINTMENTS over
 * both spans ($2 the previous period's first day), `is_current` for the rows from $7 (the period's first
 * day) on.
 */
export const NO_SHOW_COUNTS_BY_PERIOD = `
  SELECT a.starts_on >= $7::date AS is_current,
         count(*) FILTER (WHERE a.outcome NOT IN ('cancelled', 'upcoming'))::int AS appointments,
         count(*) FILTER (WHERE a.outcome = 'fulfilled')::int AS fulfilled,
         count(*) FILTER (WHERE a.outcome = 'marked_no_show')::int AS marked_no_show,
         count(*) FILTER (WHERE a.outcome = 'passed_without_fill')::int AS passed_without_fill,
         count(*) FILTER (WHERE a.outcome = 'arrived_without_fill')::int AS arrived_without_fill,
         count(*) FILTER (WHERE a.outcome = 'upcoming')::int AS upcoming,
         count(*) FILTER (WHERE a.outcome = 'cancelled')::int AS cancelled
  FROM (${REFILL_APPOINTMENTS}) a
  GROUP BY 1`;

export interface NoShowRow {
  appointments: number;
  fulfilled: number;
  marked_no_show: number;
  passed_without_fill: number;
  arrived_without_fill: number;
  upcoming: number;
  cancelled: number;
}

/**
 * The pumps overdue now with what a coordinator needs to phone round: contact, specialist, the last
 * refill, and the next booked refill appointment or the last one that passed without a refill. One
 * keyset page in the queue's order (refill-by, high-risk first, pump), read off the queue's index so a
 * page stops after its rows. Parameters: $1 clinic, $2 today, $3 now, $4 missed-after hours, $5 rows
 * (null: all), $6–$8 the last row's refill-by, queue rank and pump id (null on the first page).
 */
export const OVERDUE_NOW = `
  SELECT p.id AS pump_id, p.patient_id, p.refill_by::text AS refill_by, p.queue_rank, p.alarm_at, p.empty_at,
         pt.given_name, pt.family_name, pt.mrn, pt.is_high_risk, pt.phone, pt.emergency_contact,
         u.name AS specialist_name, cf.performed_on::text AS last_refill_on, ap.next_at, ap.missed_at
  FROM (
    SELECT p.* FROM pumps p
    WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by < $2::date
      AND ($6::date IS NULL OR (p.refill_by, p.queue_rank, p.id) > ($6::date, $7::smallint, $8::uuid))
    ORDER BY p.refill_by, p.queue_rank, p.id
    LIMIT $5
  ) p
  JOIN patients pt ON pt.id = p.patient_id AND pt.clinic_id = $1
  LEFT JOIN users u ON u.id = pt.primary_specialist_id
  JOIN fills cf ON cf.id = p.current_fill_id
  LEFT JOIN LATERAL (
    SELECT min(a.starts_at) FILTER (
             WHERE a.status IN ('booked', 'arrived') AND NOT ${hasPassed('$2', '$3', '$4')}
           ) AS next_at,
           max(a.starts_at) FILTER (WHERE a.status = 'noshow' OR ${hasPassed('$2', '$3', '$4')}) AS missed_at
    FROM appointments a
    WHERE a.pump_id = p.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived', 'noshow')
      AND a.starts_at > cf.performed_at
  ) ap ON true
  ORDER BY p.refill_by, p.queue_rank, p.id`;

/** How many pumps are overdue now, and how many of them are past their alarm. $1 clinic, $2 today, $3 now. */
export const OVERDUE_NOW_COUNTS = `
  SELECT count(*)::int AS overdue_now, count(*) FILTER (WHERE p.alarm_at <= $3::timestamptz)::int AS past_alarm_now
  FROM pumps p
  WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by < $2::date`;

/**
 * The report's due refills from the counts kept by trigger (migration 1764760000000, report_due_counts):
 * the same figures as DUE_COUNTS over DUE_REFILLS, read from one row per clinic day and group instead of
 * one per refill. Totals of both periods (`is_current` from $5, the period's first day) and, per period,
 * by month, primary specialist and performer. An unanswered refill-by is overdue (not_done) before
 * today, pending from today. $1 clinic, $2 the previous period's first day, $3 the period's last, $4 today.
 */
export const KEPT_DUE_COUNTS = `
  SELECT d.is_current, GROUPING(d.month) = 0 AS is_month, GROUPING(d.specialist_id) = 0 AS is_specialist,
         GROUPING(d.performed_by) = 0 AS is_performer, d.month, d.specialist_id, d.performed_by,
         (sum(d.on_time) + sum(d.late) + sum(d.after_alarm) + sum(d.not_done))::int AS fell_due,
         sum(d.on_time)::int AS on_time, sum(d.late)::int AS late, sum(d.after_alarm)::int AS after_alarm,
         sum(d.not_done)::int AS not_done, sum(d.pending)::int AS pending
  FROM (
    SELECT c.due_on >= $5::date AS is_current, to_char(c.due_on, 'YYYY-MM') AS month, c.specialist_id, c.performed_by,
           c.on_time, c.late, c.after_alarm,
           CASE WHEN c.due_on < $4::date THEN c.unanswered ELSE 0 END AS not_done,
           CASE WHEN c.due_on < $4::date THEN 0 ELSE c.unanswered END AS pending
    FROM report_due_counts c
    WHERE c.clinic_id = $1 AND c.due_on BETWEEN $2::date AND $3::date
  ) d
  GROUP BY GROUPING SETS ((d.is_current), (d.is_current, d.month), (d.is_current, d.specialist_id),
                          (d.is_current, d.performed_by))`;

/**
 * NO_SHOW_COUNTS_BY_PERIOD from the counts kept by trigger (report_visit_counts: refill appointments by
 * clinic day and status). A day before today decides every outcome from the status alone; on today or
 * later only a booking that started the missed-after hours ago has passed, and those few are read from
 * the appointments themselves and moved from upcoming to passed_without_fill. Same parameters.
 */
export const KEPT_VISIT_COUNTS = `
  SELECT v.is_current,
         coalesce(sum(v.n) FILTER (WHERE v.outcome NOT IN ('cancelled', 'upcoming')), 0)::int AS appointments,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'fulfilled'), 0)::int AS fulfilled,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'marked_no_show'), 0)::int AS marked_no_show,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'passed_without_fill'), 0)::int AS passed_without_fill,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'arrived_without_fill'), 0)::int AS arrived_without_fill,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'upcoming'), 0)::int AS upcoming,
         coalesce(sum(v.n) FILTER (WHERE v.outcome = 'cancelled'), 0)::int AS cancelled
  FROM (
    SELECT k.starts_on >= $7::date AS is_current, k.n,
           CASE WHEN k.status = 'cancelled' THEN 'cancelled'
                WHEN k.status = 'fulfilled' THEN 'fulfilled'
                WHEN k.status = 'noshow' THEN 'marked_no_show'
                WHEN k.status = 'booked' AND k.starts_on < $4::date THEN 'passed_without_fill'
                WHEN k.status = 'arrived' AND k.starts_on < $4::date THEN 'arrived_without_fill'
                ELSE 'upcoming' END AS outcome
    FROM report_visit_counts k
    WHERE k.clinic_id = $1 AND k.starts_on BETWEEN $2::date AND $3::date
    UNION ALL
    SELECT a.starts_on >= $7::date, s.n, s.outcome
    FROM appointments a
    CROSS JOIN (VALUES (1, 'passed_without_fill'), (-1, 'upcoming')) s(n, outcome)
    WHERE a.clinic_id = $1 AND a.type = 'refill' AND a.starts_on BETWEEN greatest($2::date, $4::date) AND $3::date
      AND a.status = 'booked' AND a.starts_at <= $5::timestamptz - make_interval(hours => $6)
  ) v
  GROUP BY 1`;

/**
 * A fill's tenth of a day from refill to alarm: its days_to_alarm (DUE_REFILLS) as the float8 the median
 * is taken of, times ten, rounded down. The same text as in migration 1764760000000, which indexes it
 * (fills_due_alarm_bucket_idx) and counts it (report_alarm_counts).
 */
const ALARM_BUCKET = `floor((extract(epoch FROM f.due_alarm_at - f.performed_at) / 86400)::float8 * 10)::int`;

/**
 * How many refills of a period fell due in each tenth of a day from refill to alarm, ascending: the
 * kept counts of the period's whole months ($2–$3, the first days of the first and last whole month)
 * and of its other days ($4–$5 and $6–$7; null for none), each range read on its own off the covering
 * index (migration 1764820000000). $1 clinic.
 */
export const ALARM_HISTOGRAM = `
  SELECT h.bucket, sum(h.n)::int AS n
  FROM (
    SELECT m.bucket, m.n FROM report_alarm_counts m
    WHERE m.clinic_id = $1 AND m.is_month AND m.due_on BETWEEN $2::date AND $3::date
    UNION ALL
    SELECT d.bucket, d.n FROM report_alarm_counts d
    WHERE d.clinic_id = $1 AND NOT d.is_month AND d.due_on BETWEEN $4::date AND $5::date
    UNION ALL
    SELECT d.bucket, d.n FROM report_alarm_counts d
    WHERE d.clinic_id = $1 AND NOT d.is_month AND d.due_on BETWEEN $6::date AND $7::date
  ) h
  GROUP BY h.bucket
  HAVING sum(h.n) <> 0
  ORDER BY h.bucket`;

/**
 * The days from refill to alarm of the refills that fell due in a period ($3–$4), read where the
 * median's one or two values are: for each tenth of $2 (ascending), its values in ascending order from
 * the $5-th (0-based), $6 of them — both tenths in one round trip when the two values lie apart. $1 clinic.
 */
export const ALARM_VALUES = `
  SELECT v.days
  FROM unnest($2::int[], $5::int[], $6::int[]) WITH ORDINALITY AS t(bucket, skip, take, ord)
  CROSS JOIN LATERAL (
    SELECT (extract(epoch FROM f.due_alarm_at - f.performed_at) / 86400)::float8 AS days
    FROM fills f
    WHERE f.clinic_id = $1 AND NOT f.is_initial AND ${ALARM_BUCKET} = t.bucket AND f.due_refill_by BETWEEN $3::date AND $4::date
    ORDER BY 1
    OFFSET t.skip LIMIT t.take) v
  ORDER BY t.ord, v.days`;
