import { Injectable } from '@nestjs/common';
import type { ReportMeasure, ReportPatients, ReportPatientsQuery } from '@itb/contracts';
import { BOOKING_MISSED_AFTER_HOURS } from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { StaleReads } from '../../common/stale-reads.js';
import { DUE_REFILLS, REFILL_APPOINTMENTS } from './report-sql.js';
import { OverdueReportService } from './overdue-report.service.js';

/** The outcomes of DUE_REFILLS or REFILL_APPOINTMENTS rows a measure counts. */
const OUTCOMES: Record<ReportMeasure, { of: 'refills' | 'appointments'; outcomes: string[] }> = {
  fell_due: { of: 'refills', outcomes: ['on_time', 'late', 'after_alarm', 'not_done'] },
  on_time: { of: 'refills', outcomes: ['on_time'] },
  late: { of: 'refills', outcomes: ['late'] },
  after_alarm: { of: 'refills', outcomes: ['after_alarm'] },
  not_done: { of: 'refills', outcomes: ['not_done'] },
  no_show: { of: 'appointments', outcomes: ['marked_no_show', 'passed_without_fill', 'arrived_without_fill'] },
  marked_no_show: { of: 'appointments', outcomes: ['marked_no_show'] },
  passed_without_fill: { of: 'appointments', outcomes: ['passed_without_fill'] },
  arrived_without_fill: { of: 'appointments', outcomes: ['arrived_without_fill'] },
  cancelled: { of: 'appointments', outcomes: ['cancelled'] },
};

/**
 * The patients behind one count of the report: the same row sources the counts come from, filtered by
 * outcome, month and primary specialist, so the list always has as many rows as the count says.
 */
@Injectable()
export class ReportPatientsService {
  constructor(
    private readonly staleReads: StaleReads,
    private readonly report: OverdueReportService,
  ) {}

  /** May be a moment old, like the report it opens from (a read replica when there is one). */
  list(clinicId: string, query: ReportPatientsQuery): Promise<ReportPatients> {
    return this.staleReads.run((m) => this.read(m, clinicId, query));
  }

  private async read(m: EntityManager, clinicId: string, query: ReportPatientsQuery): Promise<ReportPatients> {
    const scope = await this.report.scope(m, clinicId, query);
    const { of, outcomes } = OUTCOMES[query.measure];
    const isRefill = of === 'refills';
    const source = isRefill
      ? `SELECT d.row_id, d.pump_id, pp.patient_id, d.due_on, d.done_on, d.outcome, d.performed_by
         FROM (${DUE_REFILLS}) d
         JOIN pumps pp ON pp.id = d.pump_id AND pp.clinic_id = $1`
      : `SELECT a.id AS row_id, a.pump_id, a.patient_id, a.starts_on AS due_on, NULL::date AS done_on, a.outcome,
                NULL::uuid AS performed_by
         FROM (${REFILL_APPOINTMENTS}) a`;
    const base = [scope.clinicId, scope.period.from, scope.period.to, scope.today];
    const params: unknown[] = isRefill ? base : [...base, scope.now, BOOKING_MISSED_AFTER_HOURS];
    const at = params.length;
    params.push(outcomes, query.month ?? null, query.specialistId ?? null, query.performedById ?? null);
    // Keyset on the list's order; the total still counts every row that matches (the window runs
    // before the page's filter).
    const after = decodeCursor(query.cursor, 5, 'report-patients');
    const afterKey = after
      ? `WHERE (m.due_on::date, m.family_name, m.given_name, m.patient_id, m.row_id) >
               ($${params.push(after[0])}::date, $${params.push(after[1])}::text, $${params.push(after[2])}::text,
                $${params.push(after[3])}::uuid, $${params.push(after[4])}::uuid)`
      : '';
    const rows = (await m.query(
      `SELECT * FROM (
       SELECT r.row_id, r.patient_id, r.pump_id, r.due_on::text AS due_on, r.done_on::text AS done_on, r.outcome,
              pt.given_name, pt.family_name, pt.mrn, u.name AS specialist_name, count(*) OVER ()::int AS total
       FROM (${source}) r
       JOIN patients pt ON pt.id = r.patient_id AND pt.clinic_id = $1
       LEFT JOIN users u ON u.id = pt.primary_specialist_id
       WHERE r.outcome = ANY($${at + 1}::text[])
         AND ($${at + 2}::text IS NULL OR to_char(r.due_on, 'YYYY-MM') = $${at + 2})
         AND ($${at + 3}::text IS NULL
              OR ($${at + 3} = 'none' AND pt.primary_specialist_id IS NULL)
              OR pt.primary_specialist_id::text = $${at + 3})
         AND ($${at + 4}::uuid IS NULL OR r.performed_by = $${at + 4}::uuid)
       ) m ${afterKey}
       ORDER BY m.due_on, m.family_name, m.given_name, m.patient_id, m.row_id
       LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as {
      row_id: string;
      patient_id: string;
      pump_id: string | null;
      due_on: string;
      done_on: string | null;
      outcome: string;
      given_name: string;
      family_name: string;
      mrn: string;
      specialist_name: string | null;
      total: number;
    }[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      measure: query.measure,
      from: scope.period.from,
      to: scope.period.to,
      month: query.month ?? null,
      items: page.map((r) => ({
        patientId: r.patient_id,
        patientName: `${r.family_name}, ${r.given_name}`,
        mrn: r.mrn,
        pumpId: r.pump_id,
        primarySpecialistName: r.specialist_name,
        dueOn: r.due_on,
        doneOn: r.done_on,
        outcome: r.outcome,
      })),
      total: rows[0]?.total ?? 0,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(
              [last.due_on, last.family_name, last.given_name, last.patient_id, last.row_id],
              'report-patients',
            )
          : null,
    };
  }
}
