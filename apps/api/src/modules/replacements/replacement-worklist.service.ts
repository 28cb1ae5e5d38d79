import { Injectable } from '@nestjs/common';
import type { Page, ReplacementWorklistQuery, ReplacementWorklistRow } from '@itb/contracts';
import { addDays, daysBetween, PUMP_CATALOGUE, toLocalDate } from '@itb/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { ClinicsService } from '../clinics/clinics.service.js';

/** Each model's estimated battery life in years (libs/domain's catalogue), as SQL; NULL for `other`. */
const ESTIMATE_YEARS = `CASE p.model ${Object.entries(PUMP_CATALOGUE)
  .filter(([, spec]) => spec.eriEstimateYears !== undefined)
  .map(([model, spec]) => `WHEN '${model}' THEN ${spec.eriEstimateYears}`)
  .join(' ')} END`;

/**
 * libs/domain `replacementDueOn` in SQL: the ERI date when interrogation gave one, else the implant date's
 * anniversary after the model's battery life (29 February becomes 1 March in a common year).
 */
const DUE_ON = `COALESCE(p.eri_date, CASE
  WHEN e.years IS NULL THEN NULL
  WHEN extract(month FROM p.implanted_on) = 2 AND extract(day FROM p.implanted_on) = 29
    AND NOT (e.y % 4 = 0 AND (e.y % 100 <> 0 OR e.y % 400 = 0)) THEN make_date(e.y, 3, 1)
  ELSE make_date(e.y, extract(month FROM p.implanted_on)::int, extract(day FROM p.implanted_on)::int)
END)`;

interface Row {
  pump_id: string;
  patient_id: string;
  given_name: string;
  family_name: string;
  mrn: string;
  model: keyof typeof PUMP_CATALOGUE;
  serial_number: string;
  implanted_on: string;
  due_on: string;
  is_estimate: boolean;
  consult_id: string | null;
  consult_at: Date | null;
  consult_status: 'booked' | 'arrived' | null;
}

/**
 * The replacement worklist (issue 14 item 6): active pumps by the date they need replacing, soonest first,
 * with the replacement consult booked for each. One statement for the page; the due date is computed in
 * SQL exactly as libs/domain computes it, so the keyset (due date, pump id) pages without gaps.
 */
@Injectable()
export class ReplacementWorklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clinics: ClinicsService,
    private readonly clock: Clock,
  ) {}

  async list(clinicId: string, query: ReplacementWorklistQuery): Promise<Page<ReplacementWorklistRow>> {
    const clinic = await this.clinics.get(clinicId);
    const today = toLocalDate(this.clock.now(), clinic.timeZone);
    const after = decodeCursor(query.cursor, 2, 'replacements') as [string, string] | null;
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT p.id AS pump_id, p.patient_id, pa.given_name, pa.family_name, pa.mrn, p.model, p.serial_number,
                p.implanted_on::text, (${DUE_ON})::text AS due_on, p.eri_date IS NULL AS is_estimate,
                c.id AS consult_id, c.starts_at AS consult_at, c.status AS consult_status
         FROM pumps p
         JOIN patients pa ON pa.id = p.patient_id
         CROSS JOIN LATERAL (SELECT ${ESTIMATE_YEARS} AS years,
                                    extract(year FROM p.implanted_on)::int + ${ESTIMATE_YEARS} AS y) e
         LEFT JOIN LATERAL (
           SELECT a.id, a.starts_at, a.status FROM appointments a
           WHERE a.patient_id = p.patient_id AND a.type = 'replacement_consult'
             AND a.status IN ('booked', 'arrived') AND a.starts_at > $2::timestamptz - interval '4 hours'
           ORDER BY a.starts_at LIMIT 1
         ) c ON true
         WHERE p.clinic_id = $1 AND p.status = 'active'
       ) w
       WHERE w.due_on IS NOT NULL AND w.due_on <= $3
         AND ($4::text IS NULL OR (w.due_on, w.pump_id) > ($4::text, $5::uuid))
       ORDER BY w.due_on, w.pump_id
       LIMIT $6`,
      [
        clinicId,
        this.clock.now(),
        addDays(today, query.withinDays),
        after?.[0] ?? null,
        after?.[1] ?? null,
        query.limit + 1,
      ],
    )) as Row[];
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => ({
        pumpId: r.pump_id,
        patientId: r.patient_id,
        patientName: `${r.family_name}, ${r.given_name}`,
        mrn: r.mrn,
        modelLabel: PUMP_CATALOGUE[r.model].label,
        serialNumber: r.serial_number,
        implantedOn: r.implanted_on,
        dueOn: r.due_on,
        isEstimate: r.is_estimate,
        daysLeft: daysBetween(today, r.due_on),
        nextConsult: r.consult_id
          ? { id: r.consult_id, startsAt: r.consult_at!.toISOString(), status: r.consult_status! }
          : null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_on, last.pump_id], 'replacements') : null,
    };
  }
}
