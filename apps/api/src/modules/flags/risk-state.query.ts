import type { PumpAlarmType, PumpModel, PumpRiskState, RiskSettings } from '@itb/domain';
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
  fill_id: string;
  last_fill_at: Date;
  is_refill: boolean;
  discrepancy_ml: string | null;
  delivery_error_pct: string | null;
  empty_since: Date | null;
  time_zone: string;
  due_soon_window_days: number;
  max_drug_days_in_pump: number;
  last_mri_at: Date | null;
  last_interrogation_at: Date | null;
  last_alarm_at: Date | null;
  last_alarm_type: PumpAlarmType | null;
  last_stop_at: Date | null;
  last_restart_at: Date | null;
  highest_72h: string | null;
  lowest_30d: string | null;
  next_refill_at: Date | null;
  last_missed_at: Date | null;
}

/**
 * The facts every withdrawal-risk rule reads, for every active pump (or one), in one statement: stored
 * projection columns, the current fill's residual snapshot, per-pump aggregates of events joined by hash,
 * the programmed doses of the last 30 days across fills (only for pumps whose dose moved then), and the
 * refill appointments since the current fill (an index probe per pump); never a query per pump from the
 * application.
 *
 * A booked refill counts as booked only while it can still happen: it is missed once it started 4 hours
 * ago or its clinic day is over (libs/domain isBookingMissed — the same test, in SQL).
 */
const RISK_STATE_SQL = `
  SELECT p.id AS pump_id, p.version, p.patient_id, p.clinic_id, p.model, p.implanted_on::text, p.eri_date::text,
         p.alarm_at, p.empty_at, p.refill_by::text, p.current_daily_dose_mcg,
         f.id AS fill_id, f.performed_at AS last_fill_at, f.residual_withdrawn_ml IS NOT NULL AS is_refill,
         f.discrepancy_ml, f.delivery_error_pct, f.empty_since,
         c.time_zone, c.due_soon_window_days, c.max_drug_days_in_pump,
         ev.last_mri_at, ev.last_interrogation_at, ev.last_alarm_at, ev.last_alarm_type, ev.last_stop_at,
         ev.last_restart_at, ds.highest_72h, ds.lowest_30d, ap.next_refill_at, ap.last_missed_at
  FROM pumps p
  JOIN clinics c ON c.id = p.clinic_id
  JOIN fills f ON f.id = p.current_fill_id
  LEFT JOIN (
    SELECT pump_id,
           max(occurred_at) FILTER (WHERE type = 'mri') AS last_mri_at,
           max(occurred_at) FILTER (WHERE type = 'interrogation') AS last_interrogation_at,
           max(occurred_at) FILTER (WHERE type = 'pump_stopped') AS last_stop_at,
           max(occurred_at) FILTER (WHERE type = 'pump_restarted') AS last_restart_at,
           max(occurred_at) FILTER (WHERE type LIKE 'alarm\\_%') AS last_alarm_at,
           (array_agg(type ORDER BY occurred_at DESC) FILTER (WHERE type LIKE 'alarm\\_%'))[1] AS last_alarm_type
    FROM pump_events
    WHERE type IN ('mri', 'interrogation', 'pump_stopped', 'pump_restarted')
       OR type LIKE 'alarm\\_%'
    GROUP BY pump_id
  ) ev ON ev.pump_id = p.id
  LEFT JOIN LATERAL (
    SELECT max(s.dose) FILTER (WHERE s.until IS NULL OR s.until > $1::timestamptz - interval '72 hours') AS highest_72h,
           min(s.dose) FILTER (WHERE s.until IS NULL OR s.until > $1::timestamptz - interval '30 days') AS lowest_30d
    FROM (
      SELECT st.dose, lead(st.at) OVER (ORDER BY st.at) AS until
      FROM (
        SELECT performed_at AS at, daily_dose_mcg AS dose FROM fills
        WHERE pump_id = p.id AND performed_at > $1::timestamptz - interval '30 days' AND performed_at <= $1
        UNION ALL
        SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments
        WHERE pump_id = p.id AND effective_at > $1::timestamptz - interval '30 days' AND effective_at <= $1
        UNION ALL
        (SELECT performed_at, daily_dose_mcg FROM fills
         WHERE pump_id = p.id AND performed_at <= $1::timestamptz - interval '30 days'
         ORDER BY performed_at DESC LIMIT 1)
        UNION ALL
        (SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments
         WHERE pump_id = p.id AND effective_at <= $1::timestamptz - interval '30 days'
         ORDER BY effective_at DESC LIMIT 1)
      ) st
    ) s
    -- Pumps whose dose did not move in 30 days have nothing to compare: skip their history.
    WHERE f.performed_at > $1::timestamptz - interval '30 days'
       OR EXISTS (SELECT 1 FROM dose_adjustments d
                  WHERE d.pump_id = p.id AND d.effective_at > $1::timestamptz - interval '30 days')
  ) ds ON true
  LEFT JOIN LATERAL (
    SELECT min(a.starts_at) FILTER (
             WHERE a.status IN ('booked', 'arrived') AND a.starts_at > $1::timestamptz - interval '4 hours'
               AND (a.starts_at AT TIME ZONE c.time_zone)::date >= ($1::timestamptz AT TIME ZONE c.time_zone)::date
           ) AS next_refill_at,
           max(a.starts_at) FILTER (
             WHERE a.status = 'noshow'
                OR a.starts_at <= $1::timestamptz - interval '4 hours'
                OR (a.starts_at AT TIME ZONE c.time_zone)::date < ($1::timestamptz AT TIME ZONE c.time_zone)::date
           ) AS last_missed_at
    FROM appointments a
    WHERE a.pump_id = p.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived', 'noshow')
      AND a.starts_at > f.performed_at
  ) ap ON true
  WHERE p.status = 'active' AND p.alarm_at IS NOT NULL`;

const num = (v: string | null) => (v === null ? null : Number(v));

function toRiskRow(r: RawRow): PumpRiskRow {
  const discrepancyMl = num(r.discrepancy_ml);
  const isStopped = r.last_stop_at !== null && (r.last_restart_at === null || r.last_restart_at <= r.last_stop_at);
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
      lastFillId: r.fill_id,
      lastFillAt: r.last_fill_at,
      lastRefill:
        r.is_refill && discrepancyMl !== null ? { discrepancyMl, deliveryErrorPct: num(r.delivery_error_pct) } : null,
      lastFillEmptySince: r.empty_since,
      currentDailyDoseMcg: Number(r.current_daily_dose_mcg),
      highestDoseLast72hMcg: num(r.highest_72h),
      lowestDoseLast30dMcg: num(r.lowest_30d),
      nextRefillAppointmentAt: r.next_refill_at,
      lastMissedRefillAt: r.last_missed_at,
      lastMriAt: r.last_mri_at,
      lastInterrogationAt: r.last_interrogation_at,
      lastAlarm: r.last_alarm_at && r.last_alarm_type ? { at: r.last_alarm_at, type: r.last_alarm_type } : null,
      stoppedAt: isStopped ? r.last_stop_at : null,
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
