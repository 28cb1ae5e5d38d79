import { Injectable } from '@nestjs/common';
import type { FlagCode, Page, RefillQueueQuery, RefillQueueRow } from '@itb/contracts';
import {
  addDays,
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
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { SNAPSHOT_TIME_SQL, StaleReads } from '../../common/stale-reads.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';

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

/** A candidate as read, with the database's clock at that statement. */
type ReadCandidate = Candidate & { db_now: Date };

interface QueueRow {
  pump_id: string;
  patient_id: string;
  model: string;
  reservoir_ml: string;
  alarm_at: Date;
  empty_at: Date;
  refill_by: string;
  current_fill_id: string;
  queue_key: string;
  high_risk_rank: number;
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
    private readonly clinics: ClinicsService,
    private readonly pumps: PumpsRepository,
    private readonly clock: Clock,
  ) {}

  list(clinicId: string, query: RefillQueueQuery): Promise<Page<RefillQueueRow>> {
    // A later page is read where the data is at least as new as the first page's (the cursor's moment).
    const asOf = (decodeCursor(query.cursor, 5, 'refill-queue') as [string, ...unknown[]] | null)?.[0];
    return this.staleReads.run((m) => this.read(m, clinicId, query), { asOf });
  }

  private async read(m: EntityManager, clinicId: string, query: RefillQueueQuery): Promise<Page<RefillQueueRow>> {
    const clinic = await this.clinics.get(clinicId, m);
    const now = this.clock.now();
    const today = toLocalDate(now, clinic.timeZone);
    const cursor = decodeCursor(query.cursor, 5, 'refill-queue') as [string, string, string, number, string] | null;
    // A later page keeps the first page's moment; the first page's is the database clock when its
    // candidates were read, or on a replica the last commit it replayed (returned with them: no round
    // trip of its own).
    let asOf: string | null = cursor ? cursor[0] : null;
    const windowEnd = cursor ? cursor[1] : addDays(today, query.withinDays);

    // Candidates in queue order come off the (clinic, refill-by, rank, id) index a batch at a time;
    // the page's details and filters apply to each batch until the page is full, so a filtered page
    // reads only as far down the queue as it must.
    const rows: QueueRow[] = [];
    let after: Candidate | null = cursor ? { id: cursor[4], queue_key: cursor[2], queue_rank: cursor[3] } : null;
    const isFiltered = Boolean(query.clinicianId || query.unscheduledOnly || query.minSeverity);
    let batch = query.limit + 1;
    for (;;) {
      const candidates = await this.candidates(m, clinicId, windowEnd, cursor ? asOf : null, after, batch);
      if (candidates.length === 0) break;
      asOf ??= candidates[0]!.db_now.toISOString();
      rows.push(...(await this.details(m, candidates, query, now, clinic.timeZone)));
      if (rows.length > query.limit || candidates.length < batch || !isFiltered) break;
      after = candidates[candidates.length - 1]!;
      batch = Math.min(batch * 2, MAX_CANDIDATE_BATCH);
    }

    const page = rows.slice(0, query.limit);
    const drains = await this.pumps.drainInputsOf(
      m,
      page.map((r) => r.current_fill_id),
    );
    const items = page.map((r): RefillQueueRow => {
      const drain = drains.get(r.current_fill_id);
      const daysPast = daysBetween(r.refill_by, today);
      return {
        patientId: r.patient_id,
        pumpId: r.pump_id,
        mrn: r.mrn,
        patientName: `${r.family_name}, ${r.given_name}`,
        isHighRisk: r.is_high_risk,
        pumpModel: r.model,
        reservoirMl: Number(r.reservoir_ml),
        volumeNowMl: drain ? roundTo(volumeAt(drain, now), 2) : 0,
        daysToAlarm: Math.floor((r.alarm_at.getTime() - now.getTime()) / MS_PER_DAY),
        alarmAt: r.alarm_at.toISOString(),
        emptyAt: r.empty_at.toISOString(),
        hoursWithoutDrug: r.empty_at <= now ? Math.floor((now.getTime() - r.empty_at.getTime()) / 3_600_000) : null,
        refillBy: r.refill_by,
        isOverdue: daysPast > 0,
        daysOverdue: Math.max(0, daysPast),
        proposedDate: proposeRefillDate(r.refill_by, today, clinic.clinicDays),
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
        rows.length > query.limit && last && asOf
          ? encodeCursor([asOf, windowEnd, last.queue_key, last.high_risk_rank, last.pump_id], 'refill-queue')
          : null,
    };
  }

  /**
   * The next batch of queue keys after `after`. With `asOf` (a later page), pumps changed since then
   * keep the key they had at that moment, from the projection history, merged back in order.
   */
  private async candidates(
    m: EntityManager,
    clinicId: string,
    windowEnd: string,
    asOf: string | null,
    after: Candidate | null,
    batch: number,
  ): Promise<ReadCandidate[]> {
    const params: unknown[] = [clinicId, windowEnd, batch];
    const afterKey = after
      ? `(queue_key, queue_rank, id) > ($${params.push(after.queue_key)}::date, $${params.push(after.queue_rank)}::smallint, $${params.push(after.id)}::uuid)`
      : 'true';
    const current = `SELECT p.id, p.refill_by AS queue_key, p.queue_rank FROM pumps p
      WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by <= $2::date`;
    // ORDER BY names the input columns (c.…): the output column queue_key is text, and sorting by it
    // would lose the index's order, so LIMIT could not stop early.
    if (!asOf) {
      return (await m.query(
        `SELECT c.id, c.queue_key::text AS queue_key, c.queue_rank, ${SNAPSHOT_TIME_SQL} AS db_now FROM (${current}) c WHERE ${afterKey}
         ORDER BY c.queue_key, c.queue_rank, c.id LIMIT $3`,
        params,
      )) as ReadCandidate[];
    }
    const asOfAt = params.push(asOf);
    return (await m.query(
      `WITH changed AS MATERIALIZED (
         SELECT DISTINCT h.pump_id FROM pump_projection_history h WHERE h.valid_from > $${asOfAt}::timestamptz)
       SELECT u.id, u.queue_key::text AS queue_key, u.queue_rank, ${SNAPSHOT_TIME_SQL} AS db_now FROM (
         SELECT * FROM (${current} AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.pump_id = p.id)) c WHERE ${afterKey}
         UNION ALL
         SELECT * FROM (
           SELECT p.id, (SELECT h.refill_by FROM pump_projection_history h
                         WHERE h.pump_id = p.id AND h.valid_from <= $${asOfAt}::timestamptz
                         ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) AS queue_key, p.queue_rank
           FROM pumps p
           WHERE p.clinic_id = $1 AND p.status = 'active' AND p.id IN (SELECT c.pump_id FROM changed c)
         ) c WHERE c.queue_key <= $2::date AND ${afterKey}
       ) u ORDER BY u.queue_key, u.queue_rank, u.id LIMIT $3`,
      params,
    )) as ReadCandidate[];
  }

  /** What a row shows, for a batch of candidates in their order, with the page's filters applied. */
  private async details(
    m: EntityManager,
    candidates: Candidate[],
    query: RefillQueueQuery,
    now: Date,
    timeZone: string,
  ): Promise<QueueRow[]> {
    const params: unknown[] = [
      candidates.map((c) => c.id),
      candidates.map((c) => c.queue_key),
      candidates.map((c) => c.queue_rank),
      now,
      timeZone,
    ];
    const filters: string[] = [];
    if (query.clinicianId) filters.push(`pt.primary_specialist_id = $${params.push(query.clinicianId)}`);
    if (query.unscheduledOnly) filters.push(`na.id IS NULL`);
    if (query.minSeverity) filters.push(`wf.severity_rank >= $${params.push(SEVERITY_RANK[query.minSeverity])}`);
    return (await m.query(
      `SELECT p.id AS pump_id, p.patient_id, p.model, p.reservoir_ml, p.alarm_at, p.empty_at, p.refill_by::text,
              p.current_fill_id,
              k.queue_key::text, k.queue_rank AS high_risk_rank,
              pt.mrn, pt.given_name, pt.family_name, pt.is_high_risk, sp.name AS specialist_name,
              na.id AS appointment_id, na.starts_at AS appointment_at, na.status AS appointment_status,
              na.version AS appointment_version,
              wf.code AS flag_code, wf.severity AS flag_severity, wf.details->>'summary' AS flag_summary
       FROM unnest($1::uuid[], $2::date[], $3::smallint[]) WITH ORDINALITY AS k(id, queue_key, queue_rank, ord)
       JOIN pumps p ON p.id = k.id
       JOIN patients pt ON pt.id = p.patient_id
       LEFT JOIN users sp ON sp.id = pt.primary_specialist_id
       LEFT JOIN LATERAL (
         SELECT a.id, a.starts_at, a.status, a.version FROM appointments a
         WHERE a.pump_id = p.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived')
           AND a.starts_at > (SELECT cf.performed_at FROM fills cf WHERE cf.id = p.current_fill_id)
           -- Only a booking that can still happen counts (libs/domain isBookingMissed; risk-state.query.ts).
           AND a.starts_at > $4::timestamptz - interval '4 hours'
           AND (a.starts_at AT TIME ZONE $5::text)::date >= ($4::timestamptz AT TIME ZONE $5::text)::date
         ORDER BY a.starts_at LIMIT 1) na ON true
       LEFT JOIN LATERAL (
         SELECT f.code, f.severity, f.severity_rank, f.details FROM flags f
         WHERE f.pump_id = p.id AND f.status <> 'resolved'
         ORDER BY f.severity_rank DESC, f.raised_at DESC LIMIT 1) wf ON true
       ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
       ORDER BY k.ord`,
      params,
    )) as QueueRow[];
  }
}
