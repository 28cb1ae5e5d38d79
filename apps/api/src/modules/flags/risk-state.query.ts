import type { PumpRiskState, RiskSettings } from '@itb/domain';
import type { PumpModel } from '@itb/domain';
import type { EntityManager } from 'typeorm';

export interface PumpRiskRow {
  pumpId: string;
  /** The pump's version when read: a pass writes nothing for a pump changed since (that write evaluated it). */
  pumpVersion: number;
  patientId: string;
  clinicId: string;
  state: PumpRiskState;
  settings: RiskSettings;
}

interface RawRow {
  pump_id: string;
  version: number;
  patient_id: string;
  clinic_id: string;
  model: PumpModel;
  implanted_on: string;
  eri_date: string | null;
  alarm_at: Date;
  empty_at: Date;
  refill_by: string;
  current_daily_dose_mcg: string;
  last_fill_at: Date;
  is_refill: boolean;
  discrepancy_ml: string | null;
  delivery_error_pct: string | null;
  time_zone: string;
  due_soon_window_days: number;
  max_drug_days_in_pump: number;
  last_mri_at: Date | null;
  last_interrogation_at: Date | null;
  highest_recent_dose: string | null;
  next_refill_at: Date | null;
  last_noshow_at: Date | null;
}

/**
 * The facts every withdrawal-risk rule reads, for every active pump (or one), in one statement:
 * stored projection columns, the current fill's residual snapshot, per-pump aggregates of events and
 * dose adjustments joined by hash, and the refill appointments since the current fill (an index probe
 * per pump); never a query per pump from the application.
 */
const RISK_STATE_SQL = `
  SELECT p.id AS pump_id, p.version, p.patient_id, p.clinic_id, p.model, p.implanted_on::text, p.eri_date::text,
         p.alarm_at, p.empty_at, p.refill_by::text, p.current_daily_dose_mcg,
         f.performed_at AS last_fill_at, f.residual_withdrawn_ml IS NOT NULL AS is_refill,
         f.discrepancy_ml, f.delivery_error_pct,
         c.time_zone, c.due_soon_window_days, c.max_drug_days_in_pump,
         ev.last_mri_at, ev.last_interrogation_at, da.highest_recent_dose, ap.next_refill_at, ap.last_noshow_at
  FROM pumps p
  JOIN clinics c ON c.id = p.clinic_id
  JOIN fills f ON f.id = p.current_fill_id
  LEFT JOIN (
    SELECT pump_id,
           max(occurred_at) FILTER (WHERE type = 'mri') AS last_mri_at,
           max(occurred_at) FILTER (WHERE type = 'interrogation') AS last_interrogation_at
    FROM pump_events WHERE type IN ('mri', 'interrogation') GROUP BY pump_id
  ) ev ON ev.pump_id = p.id
  LEFT JOIN (
    SELECT pump_id, max(previous_daily_dose_mcg) AS highest_recent_dose
    FROM dose_adjustments
    WHERE effective_at > $1::timestamptz - interval '48 hours' AND effective_at <= $1::timestamptz
    GROUP BY pump_id
  ) da ON da.pump_id = p.id
  LEFT JOIN LATERAL (
    SELECT min(a.starts_at) FILTER (WHERE a.status IN ('booked', 'arrived')) AS next_refill_at,
           max(a.starts_at) FILTER (WHERE a.status = 'noshow') AS last_noshow_at
    FROM appointments a
    WHERE a.pump_id = p.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived', 'noshow')
      AND a.starts_at > f.performed_at
  ) ap ON true
  WHERE p.status = 'active' AND p.alarm_at IS NOT NULL`;

const num = (v: string | null) => (v === null ? null : Number(v));

function toRiskRow(r: RawRow): PumpRiskRow {
  const discrepancyMl = num(r.discrepancy_ml);
  return {
    pumpId: r.pump_id,
    pumpVersion: r.version,
    patientId: r.patient_id,
    clinicId: r.clinic_id,
    settings: {
      timeZone: r.time_zone,
      dueSoonWindowDays: r.due_soon_window_days,
      maxDrugDaysInPump: r.max_drug_days_in_pump,
    },
    state: {
      model: r.model,
      implantedOn: r.implanted_on,
      eriDate: r.eri_date,
      alarmAt: r.alarm_at,
      emptyAt: r.empty_at,
      refillBy: r.refill_by,
      lastFillAt: r.last_fill_at,
      lastRefill:
        r.is_refill && discrepancyMl !== null ? { discrepancyMl, deliveryErrorPct: num(r.delivery_error_pct) } : null,
      currentDailyDoseMcg: Number(r.current_daily_dose_mcg),
      highestDoseLast48hMcg: num(r.highest_recent_dose),
      nextRefillAppointmentAt: r.next_refill_at,
      lastNoShowRefillAt: r.last_noshow_at,
      lastMriAt: r.last_mri_at,
      lastInterrogationAt: r.last_interrogation_at,
    },
  };
}

/** Every active pump's risk facts, or one pump's when `pumpId` is given. */
export async function loadRiskStates(m: EntityManager, now: Date, pumpId?: string): Promise<PumpRiskRow[]> {
  const rows = (await (pumpId
    ? m.query(`${RISK_STATE_SQL} AND p.id = $2`, [now, pumpId])
    : m.query(RISK_STATE_SQL, [now]))) as RawRow[];
  return rows.map(toRiskRow);
}
