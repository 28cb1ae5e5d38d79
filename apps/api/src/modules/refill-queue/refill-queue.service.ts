import { Injectable } from '@nestjs/common';
import type { FlagCode, Page, RefillQueueQuery, RefillQueueRow } from '@itb/contracts';
import {
  daysBetween,
  type FlagSeverity,
  MS_PER_DAY,
  proposeRefillDate,
  roundTo,
  SEVERITY_RANK,
  toLocalDate,
  volumeAt,
} from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { queryPrepared } from '../../common/prepared-query.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { SNAPSHOT_TIME_SQL, StaleReads } from '../../common/stale-reads.js';
import { drainInputFromJson, type DrainInputJson, drainInputSql } from '../pumps/drain-input-sql.js';

/**
 * Without filters a page reads its rows and one more (to know a next page exists). A filtered page
 * reads candidates in batches that start at the page's size and double up to this many, so a page of
 * rare rows reaches as far down the queue as it must in a few statements.
 */
const MAX_CANDIDATE_BATCH = 800;

interface Candidate {
  id: string;
  queue_key: string;
  queue_rank: number;
}

/** One candidate of a batch as read: its place, what its row shows, and whether the page's filters keep it. */
interface QueueRow {
  pump_id: string;
  queue_key: string;
  queue_rank: number;
  /** The database's clock when the batch was read (a replica's: its last replayed commit). */
  db_now: Date;
  window_end: string;
  time_zone: string;
  clinic_days: number[];
  is_shown: boolean;
  patient_id: string;
  model: string;
  reservoir_ml: string;
  alarm_at: Date;
  empty_at: Date;
  refill_by: string;
  mrn: string;
  given_name: string;
  family_name: string;
  is_high_risk: boolean;
  specialist_name: string | null;
  appointment_id: string | null;
  appointment_at: Date | null;
  appointment_status: 'booked' | 'arrived' | null;
  appointment_version: number | null;
  flag_code: FlagCode | null;
  flag_severity: FlagSeverity | null;
  flag_summary: string | null;
  /** What the reservoir drains by, for a row the filters keep. */
  drain: DrainInputJson | null;
}

/**
 * The due-refill queue (DESIGN.md "Work surfaces"): active pumps whose refill-by date is within the
 * window, and every overdue one; ordered by refill-by (so the most overdue lead), high-risk patients
 * first on a tie. Served from the pumps' stored projection columns through the refill-by index.
 *
 * Pages stay stable while refills are recorded: the cursor carries the moment the first page was read,
 * and a pump changed since then keeps the place its refill-by had at that moment (from the projection
 * history the pumps table keeps by trigger), so no row is skipped or shown twice. The high-risk tie-break
 * is the pump's `queue_rank`, kept from the patient by trigger, so the order is one index's order.
 *
 * A page may be a moment old: it is read through StaleReads (a read replica when there is one), and a
 * later page continues from the moment the first page's data was as of.
 */
@Injectable()
export class RefillQueueService {
  constructor(
    private readonly staleReads: StaleReads,
    private readonly clock: Clock,
  ) {}

  list(clinicId: string, query: RefillQueueQuery): Promise<Page<RefillQueueRow>> {
    // A later page is read where the data is at least as new as the first page's (the cursor's moment).
    const asOf = (decodeCursor(query.cursor, 5, 'refill-queue') as [string, ...unknown[]] | null)?.[0];
    return this.staleReads.run((m) => this.read(m, clinicId, query), { asOf });
  }

  private async read(m: EntityManager, clinicId: string, query: RefillQueueQuery): Promise<Page<RefillQueueRow>> {
    const now = this.clock.now();
    const cursor = decodeCursor(query.cursor, 5, 'refill-queue') as [string, string, string, number, string] | null;
    // A later page keeps the first page's moment and window; the first page's are read with its first
    // batch: the database clock when its candidates were read (on a replica the last commit it
    // replayed), and the window's last day on the clinic's calendar.
    let asOf: string | null = cursor ? cursor[0] : null;
    let windowEnd: string | null = cursor ? cursor[1] : null;

    // Candidates in queue order come off the (clinic, refill-by, rank, id) index a batch at a time, with
    // what their rows show and the page's filters in the same statement, until the page is full: a page
    // without filters is one statement, and a filtered page reads only as far down the queue as it must.
    const rows: QueueRow[] = [];
    let after: Candidate | null = cursor ? { id: cursor[4], queue_key: cursor[2], queue_rank: cursor[3] } : null;
    const isFiltered = Boolean(query.clinicianId || query.unscheduledOnly || query.minSeverity);
    let size = query.limit + 1;
    for (;;) {
      const batch = await this.batch(m, clinicId, query, now, { windowEnd, asOf: cursor ? asOf : null, after, size });
      const first = batch[0];
      if (!first) break;
      asOf ??= first.db_now.toISOString();
      windowEnd ??= first.window_end;
      rows.push(...batch.filter((r) => r.is_shown));
      if (rows.length > query.limit || batch.length < size || !isFiltered) break;
      const last = batch[batch.length - 1]!;
      after = { id: last.pump_id, queue_key: last.queue_key, queue_rank: last.queue_rank };
      size = Math.min(size * 2, MAX_CANDIDATE_BATCH);
    }

    const page = rows.slice(0, query.limit);
    // Every row carries its clinic's zone and days: today is worked out once, from the first.
    const today = page[0] ? toLocalDate(now, page[0].time_zone) : '';
    const items = page.map((r): RefillQueueRow => {
      const daysPast = daysBetween(r.refill_by, today);
      return {
        patientId: r.patient_id,
        pumpId: r.pump_id,
        mrn: r.mrn,
        patientName: `${r.family_name}, ${r.given_name}`,
        isHighRisk: r.is_high_risk,
        pumpModel: r.model,
        reservoirMl: Number(r.reservoir_ml),
        volumeNowMl: r.drain ? roundTo(volumeAt(drainInputFromJson(r.drain), now), 2) : 0,
        daysToAlarm: Math.floor((r.alarm_at.getTime() - now.getTime()) / MS_PER_DAY),
        alarmAt: r.alarm_at.toISOString(),
        emptyAt: r.empty_at.toISOString(),
        hoursWithoutDrug: r.empty_at <= now ? Math.floor((now.getTime() - r.empty_at.getTime()) / 3_600_000) : null,
        refillBy: r.refill_by,
        isOverdue: daysPast > 0,
        daysOverdue: Math.max(0, daysPast),
        proposedDate: proposeRefillDate(r.refill_by, today, r.clinic_days),
        primarySpecialistName: r.specialist_name,
        nextAppointment:
          r.appointment_id && r.appointment_at && r.appointment_status
            ? {
                id: r.appointment_id,
                startsAt: r.appointment_at.toISOString(),
                status: r.appointment_status,
                version: r.appointment_version ?? 1,
              }
            : null,
        worstFlag:
          r.flag_code && r.flag_severity
            ? { code: r.flag_code, severity: r.flag_severity, summary: r.flag_summary ?? '' }
            : null,
      };
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last && asOf && windowEnd
          ? encodeCursor([asOf, windowEnd, last.queue_key, last.queue_rank, last.pump_id], 'refill-queue')
          : null,
    };
  }

  /**
   * The next `size` candidates after `after`, in queue order, each with what its row shows and whether
   * the page's filters keep it, in one statement. Without `windowEnd` (a first page) the window ends
   * `withinDays` after today on the clinic's calendar. With `asOf` (a later page), pumps changed since
   * then keep the key they had at that moment, from the projection history, merged back in order.
   */
  private async batch(
    m: EntityManager,
    clinicId: string,
    query: RefillQueueQuery,
    now: Date,
    at: { windowEnd: string | null; asOf: string | null; after: Candidate | null; size: number },
  ): Promise<QueueRow[]> {
    // The filters are values, not text, so every page with or without them is one of three statements
    // (first, continued, later page) per size: PostgreSQL keeps one plan for each (prepared-query.ts).
    const params: unknown[] = [
      clinicId,
      now,
      at.windowEnd,
      query.withinDays,
      at.size,
      query.clinicianId ?? null,
      query.unscheduledOnly ?? false,
      query.minSeverity ? SEVERITY_RANK[query.minSeverity] : null,
    ];
    const isShown = `coalesce(($6::uuid IS NULL OR pt.primary_specialist_id = $6::uuid)
      AND (NOT $7::boolean OR na.id IS NULL) AND ($8::int IS NULL OR wf.severity_rank >= $8::int), false)`;
    // The candidates are read up to a power of two written into the text, then cut to the batch's size:
    // with the bound known, the kept plan is costed for the rows a page reads (a LIMIT given as a value
    // is costed at a tenth of the clinic, and PostgreSQL would plan every call afresh), and the sizes
    // make at most eleven statements.
    const bound = 2 ** Math.ceil(Math.log2(Math.max(2, at.size)));
    const afterKey = at.after
      ? `(queue_key, queue_rank, id) > ($${params.push(at.after.queue_key)}::date, $${params.push(at.after.queue_rank)}::smallint, $${params.push(at.after.id)}::uuid)`
      : 'true';
    const current = `SELECT p.id, p.refill_by AS queue_key, p.queue_rank FROM pumps p
      WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by <= (SELECT b.window_end FROM bounds b)`;
    // ORDER BY names the input columns (c.…), in the index's order, so LIMIT stops early.
    let candidates = `SELECT c.id, c.queue_key, c.queue_rank FROM (${current}) c WHERE ${afterKey}
      ORDER BY c.queue_key, c.queue_rank, c.id LIMIT ${bound}`;
    if (at.asOf) {
      const asOfAt = params.push(at.asOf);
      // Each branch is cut to the bound in index order, so the unchanged pumps come off the queue index
      // from the cursor on; without its own ORDER BY and LIMIT the branch read every pump of the window
      // after the cursor (~5,000 at 100k) and sorted them for a page of 20.
      candidates = `SELECT u.id, u.queue_key, u.queue_rank FROM (
          (SELECT * FROM (${current} AND p.id <> ALL ((SELECT coalesce(array_agg(c.pump_id), '{}') FROM changed c)::uuid[])) c
            WHERE ${afterKey} ORDER BY c.queue_key, c.queue_rank, c.id LIMIT ${bound})
          UNION ALL
          SELECT * FROM (
            SELECT p.id, (SELECT h.refill_by FROM pump_projection_history h
                          WHERE h.pump_id = p.id AND h.valid_from <= $${asOfAt}::timestamptz
                          ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) AS queue_key, p.queue_rank
            FROM pumps p
            WHERE p.clinic_id = $1 AND p.status = 'active' AND p.id IN (SELECT c.pump_id FROM changed c)
          ) c WHERE c.queue_key <= (SELECT b.window_end FROM bounds b) AND ${afterKey}
        ) u ORDER BY u.queue_key, u.queue_rank, u.id LIMIT ${bound}`;
      candidates = `changed AS MATERIALIZED (SELECT unnest(pumps_changed_since($${asOfAt}::timestamptz)) AS pump_id),
        nearest AS MATERIALIZED (${candidates})`;
    } else {
      candidates = `nearest AS MATERIALIZED (${candidates})`;
    }
    candidates += `,
      k AS MATERIALIZED (SELECT * FROM nearest ORDER BY queue_key, queue_rank, id LIMIT $5::int)`;
    return queryPrepared<QueueRow>(
      m,
      `WITH clinic AS MATERIALIZED (
         SELECT c.time_zone, c.clinic_days, ($2::timestamptz AT TIME ZONE c.time_zone)::date AS today
         FROM clinics c WHERE c.id = $1),
       bounds AS MATERIALIZED (SELECT coalesce($3::date, cl.today + $4::int) AS window_end FROM clinic cl),
       ${candidates}
       SELECT k.id AS pump_id, k.queue_key::text AS queue_key, k.queue_rank, ${SNAPSHOT_TIME_SQL} AS db_now,
              b.window_end::text AS window_end, cl.time_zone, cl.clinic_days, ${isShown} AS is_shown,
              p.patient_id, p.model, p.reservoir_ml, p.alarm_at, p.empty_at, p.refill_by::text,
              pt.mrn, pt.given_name, pt.family_name, pt.is_high_risk, sp.name AS specialist_name,
              na.id AS appointment_id, na.starts_at AS appointment_at, na.status AS appointment_status,
              na.version AS appointment_version,
              wf.code AS flag_code, wf.severity AS flag_severity, wf.details->>'summary' AS flag_summary,
              CASE WHEN ${isShown} AND cf.id IS NOT NULL THEN ${drainInputSql('cf')} END AS drain
       FROM k CROSS JOIN clinic cl CROSS JOIN bounds b
       JOIN pumps p ON p.id = k.id
       JOIN patients pt ON pt.id = p.patient_id
       LEFT JOIN fills cf ON cf.id = p.current_fill_id
       LEFT JOIN users sp ON sp.id = pt.primary_specialist_id
       LEFT JOIN LATERAL (
         SELECT a.id, a.starts_at, a.status, a.version FROM appointments a
         WHERE a.pump_id = p.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived')
           AND a.starts_at > cf.performed_at
           -- Only a booking that can still happen counts (libs/domain isBookingMissed; risk-state.query.ts).
           AND a.starts_at > $2::timestamptz - interval '4 hours'
           AND (a.starts_at AT TIME ZONE cl.time_zone)::date >= cl.today
         ORDER BY a.starts_at LIMIT 1) na ON true
       LEFT JOIN LATERAL (
         SELECT f.code, f.severity, f.severity_rank, f.details FROM flags f
         WHERE f.pump_id = p.id AND f.status <> 'resolved'
         ORDER BY f.severity_rank DESC, f.raised_at DESC LIMIT 1) wf ON true
       ORDER BY k.queue_key, k.queue_rank, k.id`,
      params,
    );
  }
}
