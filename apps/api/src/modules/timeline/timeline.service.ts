import { Injectable } from '@nestjs/common';
import {
  APPOINTMENT_TYPE_LABELS,
  DOSE_REASON_LABELS,
  FLAG_CODE_LABELS,
  SIGN_KIND_LABELS,
  type Page,
  PUMP_EVENT_LABELS,
  TIMELINE_KINDS,
  type TimelineItem,
  type TimelineKind,
  type TimelineQuery,
} from '@itb/contracts';
import { describeHours, signKindOf } from '@itb/domain';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { queryPrepared } from '../../common/prepared-query.js';
import { StaleReads } from '../../common/stale-reads.js';
import { PatientsRepository } from '../patients/patients.repository.js';

interface Row {
  kind: TimelineKind;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  d: Record<string, string | number | boolean | null>;
}

/**
 * Everything that happened to a patient's pumps, newest first: one UNION over fills, dose
 * adjustments, pump events, appointments and the three moments of each flag, keyset-paged on
 * (time, kind, id) so the order is total.
 */
const TIMELINE_SQL = `
  SELECT * FROM (
    SELECT 'fill' AS kind, f.id, f.performed_at AS at, f.performed_by AS actor_id, f.notes AS reason,
           jsonb_build_object('isInitial', f.is_initial, 'residualWithdrawnMl', f.residual_withdrawn_ml,
             'volumeAddedMl', f.volume_added_ml, 'concentrationMcgPerMl', f.concentration_mcg_per_ml,
             'dailyDoseMcg', f.daily_dose_mcg, 'expectedResidualMl', f.expected_residual_ml,
             'discrepancyMl', f.discrepancy_ml, 'deliveryErrorPct', f.delivery_error_pct,
             'lotNumber', f.lot_number, 'pumpId', f.pump_id,
             'leftInReservoirMl', greatest(0, f.reservoir_volume_after_ml - f.volume_added_ml),
             'mixedConcentrationMcgPerMl', f.mixed_concentration_mcg_per_ml,
             'realDailyDoseMcg', f.real_daily_dose_mcg,
             'hoursWithoutDrug', floor(extract(epoch FROM f.performed_at - f.empty_since) / 3600)) AS d
    FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE p.patient_id = $1
    UNION ALL
    SELECT 'dose_adjustment', a.id, a.effective_at, a.recorded_by,
           concat_ws(' — ', a.notes, 'Override: ' || a.override_reason),
           jsonb_build_object('previousDailyDoseMcg', a.previous_daily_dose_mcg, 'newDailyDoseMcg', a.new_daily_dose_mcg,
             'doseReason', a.reason, 'orderedById', a.ordered_by, 'orderedByName', ob.name,
             'overrideReason', a.override_reason, 'pumpId', a.pump_id)
    FROM dose_adjustments a JOIN pumps p ON p.id = a.pump_id LEFT JOIN users ob ON ob.id = a.ordered_by
    WHERE p.patient_id = $1
    UNION ALL
    SELECT 'pump_event', e.id, e.occurred_at, e.recorded_by, e.notes,
           jsonb_build_object('type', e.type, 'pumpId', e.pump_id)
    FROM pump_events e JOIN pumps p ON p.id = e.pump_id WHERE p.patient_id = $1
    UNION ALL
    SELECT 'appointment', ap.id, ap.starts_at, ap.created_by, ap.notes,
           jsonb_build_object('type', ap.type, 'status', ap.status, 'durationMinutes', ap.duration_minutes,
             'fillId', ap.fill_id, 'clinicianName', cu.name)
    FROM appointments ap LEFT JOIN users cu ON cu.id = ap.clinician_id WHERE ap.patient_id = $1
    UNION ALL
    SELECT 'flag_raised', fl.id, fl.raised_at, fl.raised_by, fl.details->>'summary',
           jsonb_build_object('code', fl.code, 'kind', fl.details->>'kind', 'severity', fl.severity, 'status', fl.status)
    FROM flags fl WHERE fl.patient_id = $1
    UNION ALL
    SELECT 'flag_acknowledged', fl.id, fl.acknowledged_at, fl.acknowledged_by, fl.acknowledged_note,
           jsonb_build_object('code', fl.code, 'kind', fl.details->>'kind', 'severity', fl.severity)
    FROM flags fl WHERE fl.patient_id = $1 AND fl.acknowledged_at IS NOT NULL
    UNION ALL
    SELECT 'flag_resolved', fl.id, fl.resolved_at, fl.resolved_by, fl.resolved_note,
           jsonb_build_object('code', fl.code, 'kind', fl.details->>'kind', 'severity', fl.severity, 'resolution', fl.resolution)
    FROM flags fl WHERE fl.patient_id = $1 AND fl.resolved_at IS NOT NULL
  ) t`;

/**
 * A page of the timeline: $1 patient, $2 kinds, $3 rows; on a later page, $4–$6 the (time, kind, id) it
 * follows. Both are prepared statements (`queryPrepared`): planning the union cost PostgreSQL several
 * times what running it does.
 */
const timelinePageSql = (after: string) => `
  SELECT t.*, u.name AS actor_name FROM (${TIMELINE_SQL} WHERE t.kind = ANY($2::text[]) ${after}) t
  LEFT JOIN users u ON u.id = t.actor_id
  ORDER BY t.at DESC, t.kind DESC, t.id DESC LIMIT $3`;
const FIRST_PAGE_SQL = timelinePageSql('');
const LATER_PAGE_SQL = timelinePageSql('AND (t.at, t.kind, t.id) < ($4::timestamptz, $5::text, $6::uuid)');

/** The rule's name; a manual flag names its report (stored ones without a kind were withdrawal reports). */
const flagName = (d: Row['d']) =>
  d.code === 'manual'
    ? SIGN_KIND_LABELS[signKindOf({ kind: d.kind })]
    : FLAG_CODE_LABELS[d.code as keyof typeof FLAG_CODE_LABELS];

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const mcg = (v: unknown) => `${Number(v).toLocaleString('en')} mcg/day`;

function titleOf(r: Row): string {
  const d = r.d;
  switch (r.kind) {
    case 'fill': {
      const what = `${num(d.volumeAddedMl)} mL of ${Number(d.concentrationMcgPerMl).toLocaleString('en')} mcg/mL at ${mcg(d.dailyDoseMcg)}`;
      if (d.isInitial) return `First fill: ${what}`;
      const off = num(d.discrepancyMl);
      const left = num(d.leftInReservoirMl);
      const hoursDry = num(d.hoursWithoutDrug);
      // Issue 11: what a clinician must see in the history: drug left in the reservoir, the mix and its
      // real dose, a pump refilled dry.
      return `Refill: ${what}; residual ${num(d.residualWithdrawnMl)} mL${left ? ` + ${left} mL left in the reservoir` : ''} (expected ${num(d.expectedResidualMl)} mL${
        off === null ? '' : `, ${off > 0 ? '+' : ''}${off} mL`
      })${
        d.mixedConcentrationMcgPerMl === null || d.mixedConcentrationMcgPerMl === undefined
          ? ''
          : `; mixed ${num(d.mixedConcentrationMcgPerMl)} mcg/mL, real dose ${mcg(d.realDailyDoseMcg)}`
      }${hoursDry === null ? '' : `; refilled dry: ${describeHours(hoursDry)} without drug`}`;
    }
    case 'dose_adjustment':
      return `Dose ${mcg(d.previousDailyDoseMcg)} → ${mcg(d.newDailyDoseMcg)} (${
        DOSE_REASON_LABELS[d.doseReason as keyof typeof DOSE_REASON_LABELS] ?? String(d.doseReason)
      }), ordered by ${String(d.orderedByName ?? 'unknown')}`;
    case 'pump_event':
      return PUMP_EVENT_LABELS[d.type as keyof typeof PUMP_EVENT_LABELS] ?? String(d.type);
    case 'appointment':
      return `${APPOINTMENT_TYPE_LABELS[d.type as keyof typeof APPOINTMENT_TYPE_LABELS] ?? String(d.type)} appointment (${String(d.status)})`;
    case 'flag_raised':
      return `Flag raised: ${flagName(d)} (${String(d.severity)})`;
    case 'flag_acknowledged':
      return `Flag acknowledged: ${flagName(d)}`;
    case 'flag_resolved':
      return `Flag resolved${d.resolution === 'auto' ? ' automatically' : ''}: ${flagName(d)}`;
  }
}

/**
 * A patient's history may be a moment old: it is read through StaleReads (a read replica when there is
 * one). Whether the patient is the clinic's is asked of the primary, so a patient created a moment ago
 * is never answered 404; their latest entries show once the replica has them (normally within a second).
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staleReads: StaleReads,
    private readonly patients: PatientsRepository,
  ) {}

  async list(clinicId: string, patientId: string, query: TimelineQuery): Promise<Page<TimelineItem>> {
    await this.patients.assertInClinic(this.dataSource.manager, clinicId, patientId);
    const after = decodeCursor(query.cursor, 3, 'timeline');
    const kinds = query.kind ?? [...TIMELINE_KINDS];
    const rows = await this.staleReads.run((m) =>
      after
        ? queryPrepared<Row>(m, LATER_PAGE_SQL, [patientId, kinds, query.limit + 1, after[0], after[1], after[2]])
        : queryPrepared<Row>(m, FIRST_PAGE_SQL, [patientId, kinds, query.limit + 1]),
    );
    const items = rows.slice(0, query.limit).map((r): TimelineItem => ({
      kind: r.kind,
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      title: titleOf(r),
      reason: r.reason || null,
      details: r.d,
    }));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.kind, last.id], 'timeline') : null,
    };
  }
}
