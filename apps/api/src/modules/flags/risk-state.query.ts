import type { PumpAlarmType, PumpModel, PumpRiskState, RiskRuleCode, RiskSettings } from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../common/prepared-query.js';

export interface PumpRiskRow {
  pumpId: string;
  /** The pump's version when read: a pass writes nothing for a pump changed since (that write evaluated it). */
  pumpVersion: number;
  state: PumpRiskState;
  settings: RiskSettings;
}

/** A rule flag still open on a pump: the pass compares it with what the rules say now. */
export interface OpenRuleFlag {
  id: string;
  code: RiskRuleCode;
  severity: string;
}

/**
 * One pump of a pass: its risk facts (null when it is no longer an active pump with a projection, so
 * its open rule flags can only clear) and its open rule flags.
 */
export interface PumpPassRow {
  pumpId: string;
  risk: PumpRiskRow | null;
  openFlags: OpenRuleFlag[];
}

interface RawRow {
  pump_id: string;
  /** Null when the pump has open rule flags but no risk facts (not active, or no projection). */
  version: number | null;
  /** [id, code, severity] of each open rule flag, or null when it has none. */
  open_flags: [string, RiskRuleCode, string][] | null;
  model: PumpModel;
  implanted_on: string;
  eri_date: string | null;
  alarm_at: number;
  empty_at: number;
  refill_by: string;
  current_daily_dose_mcg: string;
  fill_id: string;
  last_fill_at: number;
  is_refill: boolean;
  discrepancy_ml: string | null;
  delivery_error_pct: string | null;
  empty_since: number | null;
  time_zone: string;
  due_soon_window_days: number;
  max_drug_days_in_pump: number;
  last_mri_at: number | null;
  last_interrogation_at: number | null;
  last_alarm_at: number | null;
  last_alarm_type: PumpAlarmType | null;
  last_stop_at: number | null;
  last_restart_at: number | null;
  highest_72h: string | null;
  lowest_30d: string | null;
  next_refill_at: number | null;
  last_missed_at: number | null;
}

/**
 * An instant as milliseconds since 1970 (a float8 node-pg reads with parseFloat): a hundred thousand
 * rows of eleven timestamps cost more to parse as text than to convert here. floor() drops the
 * microseconds as node-pg's own timestamp parser does, and numeric keeps it exact.
 */
const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * The facts every withdrawal-risk rule reads, for the active pumps whose id `pumpIn` keeps (every one
 * of a range, or one), in one statement:
 * stored projection columns, the current fill's residual snapshot, and per-pump aggregates of events,
 * refill appointments and programmed doses — each computed set-based over the pumps at once (hash joins
 * and one sort), never a query or a sub-plan per pump.
 *
 * - Refill appointments since the current fill: a booked refill counts as booked only while it can
 *   still happen: it is missed once it started 4 hours ago or its clinic day is over (libs/domain
 *   isBookingMissed — the same test, in SQL).
 * - Doses: only for pumps whose dose moved in the last 30 days (the current fill is that recent, or a
 *   dose adjustment is): the dose steps in the 30 days plus the last one before, each step lasting until
 *   the next, give the highest dose of the last 72 hours and the lowest of the last 30 days.
 * - Open rule flags, per pump, as [id, code, severity] triples: a full join, so a pump that is no longer
 *   active (or has no projection) still comes with the flags it leaves open, and no risk facts.
 */
const riskStateSql = (pumpIn: (column: string) => string) => `
  WITH base AS MATERIALIZED (
    SELECT p.id AS pump_id, p.version, p.model, p.implanted_on::text, p.eri_date::text,
           p.alarm_at, p.empty_at, p.refill_by::text, p.current_daily_dose_mcg,
           f.id AS fill_id, f.performed_at AS last_fill_at, f.residual_withdrawn_ml IS NOT NULL AS is_refill,
           f.discrepancy_ml, f.delivery_error_pct, f.empty_since,
           c.time_zone, c.due_soon_window_days, c.max_drug_days_in_pump
    FROM pumps p
    JOIN clinics c ON c.id = p.clinic_id
    JOIN fills f ON f.id = p.current_fill_id
    WHERE p.status = 'active' AND p.alarm_at IS NOT NULL AND ${pumpIn('p.id')}
  ),
  ev AS (
    SELECT e.pump_id,
           max(e.occurred_at) FILTER (WHERE e.type = 'mri') AS last_mri_at,
           max(e.occurred_at) FILTER (WHERE e.type = 'interrogation') AS last_interrogation_at,
           max(e.occurred_at) FILTER (WHERE e.type = 'pump_stopped') AS last_stop_at,
           max(e.occurred_at) FILTER (WHERE e.type = 'pump_restarted') AS last_restart_at,
           max(e.occurred_at) FILTER (WHERE e.type LIKE 'alarm\\_%') AS last_alarm_at,
           (array_agg(e.type ORDER BY e.occurred_at DESC) FILTER (WHERE e.type LIKE 'alarm\\_%'))[1] AS last_alarm_type
    FROM pump_events e
    WHERE (e.type IN ('mri', 'interrogation', 'pump_stopped', 'pump_restarted') OR e.type LIKE 'alarm\\_%')
      AND ${pumpIn('e.pump_id')}
    GROUP BY e.pump_id
  ),
  ap AS (
    SELECT b.pump_id,
           min(a.starts_at) FILTER (
             WHERE a.status IN ('booked', 'arrived') AND a.starts_at > $1::timestamptz - interval '4 hours'
               AND (a.starts_at AT TIME ZONE b.time_zone)::date >= ($1::timestamptz AT TIME ZONE b.time_zone)::date
           ) AS next_refill_at,
           max(a.starts_at) FILTER (
             WHERE a.status = 'noshow'
                OR a.starts_at <= $1::timestamptz - interval '4 hours'
                OR (a.starts_at AT TIME ZONE b.time_zone)::date < ($1::timestamptz AT TIME ZONE b.time_zone)::date
           ) AS last_missed_at
    FROM base b
    JOIN appointments a ON a.pump_id = b.pump_id AND a.type = 'refill' AND a.status IN ('booked', 'arrived', 'noshow')
      AND a.starts_at > b.last_fill_at
    GROUP BY b.pump_id
  ),
  -- Pumps whose dose did not move in 30 days have nothing to compare: their history is never read.
  moved AS (
    SELECT b.pump_id FROM base b WHERE b.last_fill_at > $1::timestamptz - interval '30 days'
    UNION
    SELECT d.pump_id FROM dose_adjustments d JOIN base b ON b.pump_id = d.pump_id
    WHERE d.effective_at > $1::timestamptz - interval '30 days'
  ),
  steps AS (
    SELECT f.pump_id, f.performed_at AS at, f.daily_dose_mcg AS dose
    FROM moved m JOIN fills f ON f.pump_id = m.pump_id
    WHERE f.performed_at > $1::timestamptz - interval '30 days' AND f.performed_at <= $1
    UNION ALL
    SELECT d.pump_id, d.effective_at, d.new_daily_dose_mcg
    FROM moved m JOIN dose_adjustments d ON d.pump_id = m.pump_id
    WHERE d.effective_at > $1::timestamptz - interval '30 days' AND d.effective_at <= $1
    UNION ALL
    SELECT m.pump_id, lf.performed_at, lf.daily_dose_mcg
    FROM moved m CROSS JOIN LATERAL (
      SELECT performed_at, daily_dose_mcg FROM fills
      WHERE pump_id = m.pump_id AND performed_at <= $1::timestamptz - interval '30 days'
      ORDER BY performed_at DESC LIMIT 1) lf
    UNION ALL
    SELECT m.pump_id, la.effective_at, la.new_daily_dose_mcg
    FROM moved m CROSS JOIN LATERAL (
      SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments
      WHERE pump_id = m.pump_id AND effective_at <= $1::timestamptz - interval '30 days'
      ORDER BY effective_at DESC LIMIT 1) la
  ),
  ds AS (
    SELECT s.pump_id,
           max(s.dose) FILTER (WHERE s.until IS NULL OR s.until > $1::timestamptz - interval '72 hours') AS highest_72h,
           min(s.dose) FILTER (WHERE s.until IS NULL OR s.until > $1::timestamptz - interval '30 days') AS lowest_30d
    FROM (SELECT st.pump_id, st.dose, lead(st.at) OVER (PARTITION BY st.pump_id ORDER BY st.at) AS until FROM steps st) s
    GROUP BY s.pump_id
  ),
  open AS (
    SELECT f.pump_id, json_agg(json_build_array(f.id, f.code, f.severity)) AS open_flags
    FROM flags f
    WHERE f.status <> 'resolved' AND f.code <> 'manual' AND ${pumpIn('f.pump_id')}
    GROUP BY f.pump_id
  )
  SELECT coalesce(b.pump_id, o.pump_id) AS pump_id, o.open_flags, b.version, b.model, b.implanted_on, b.eri_date,
         ${epochMs('b.alarm_at')} AS alarm_at, ${epochMs('b.empty_at')} AS empty_at, b.refill_by,
         b.current_daily_dose_mcg, b.fill_id, ${epochMs('b.last_fill_at')} AS last_fill_at, b.is_refill,
         b.discrepancy_ml, b.delivery_error_pct, ${epochMs('b.empty_since')} AS empty_since,
         b.time_zone, b.due_soon_window_days, b.max_drug_days_in_pump,
         ${epochMs('ev.last_mri_at')} AS last_mri_at, ${epochMs('ev.last_interrogation_at')} AS last_interrogation_at,
         ${epochMs('ev.last_alarm_at')} AS last_alarm_at, ev.last_alarm_type, ${epochMs('ev.last_stop_at')} AS last_stop_at,
         ${epochMs('ev.last_restart_at')} AS last_restart_at, ds.highest_72h, ds.lowest_30d,
         ${epochMs('ap.next_refill_at')} AS next_refill_at, ${epochMs('ap.last_missed_at')} AS last_missed_at
  FROM base b
  LEFT JOIN ev ON ev.pump_id = b.pump_id
  LEFT JOIN ds ON ds.pump_id = b.pump_id
  LEFT JOIN ap ON ap.pump_id = b.pump_id
  FULL JOIN open o ON o.pump_id = b.pump_id`;

const num = (v: string | null) => (v === null ? null : Number(v));
const at = (ms: number | null) => (ms === null ? null : new Date(ms));

function toRiskRow(r: RawRow, version: number): PumpRiskRow {
  const discrepancyMl = num(r.discrepancy_ml);
  const isStopped = r.last_stop_at !== null && (r.last_restart_at === null || r.last_restart_at <= r.last_stop_at);
  return {
    pumpId: r.pump_id,
    pumpVersion: version,
    settings: {
      timeZone: r.time_zone,
      dueSoonWindowDays: r.due_soon_window_days,
      maxDrugDaysInPump: r.max_drug_days_in_pump,
    },
    state: {
      model: r.model,
      implantedOn: r.implanted_on,
      eriDate: r.eri_date,
      alarmAt: new Date(r.alarm_at),
      emptyAt: new Date(r.empty_at),
      refillBy: r.refill_by,
      lastFillId: r.fill_id,
      lastFillAt: new Date(r.last_fill_at),
      lastRefill:
        r.is_refill && discrepancyMl !== null ? { discrepancyMl, deliveryErrorPct: num(r.delivery_error_pct) } : null,
      lastFillEmptySince: at(r.empty_since),
      currentDailyDoseMcg: Number(r.current_daily_dose_mcg),
      highestDoseLast72hMcg: num(r.highest_72h),
      lowestDoseLast30dMcg: num(r.lowest_30d),
      nextRefillAppointmentAt: at(r.next_refill_at),
      lastMissedRefillAt: at(r.last_missed_at),
      lastMriAt: at(r.last_mri_at),
      lastInterrogationAt: at(r.last_interrogation_at),
      lastAlarm:
        r.last_alarm_at !== null && r.last_alarm_type
          ? { at: new Date(r.last_alarm_at), type: r.last_alarm_type }
          : null,
      stoppedAt: isStopped ? at(r.last_stop_at) : null,
    },
  };
}

/**
 * The statement for one pump ($2), which every clinical write runs: its plan holds for any pump, so it
 * is prepared once per connection and PostgreSQL stops planning it on each write (planning cost more
 * than running it). Its open rule flags come in the same row, so a write sends one statement to read
 * what the rules need and what is open.
 */
const ONE_PUMP_RISK_STATE_SQL = riskStateSql((column) => `${column} = $2::uuid`);

/** The statement for the pass's pumps whose id is from $2 on, and before $3 unless it is null. */
const PUMP_RANGE_RISK_STATE_SQL = riskStateSql(
  (column) => `${column} >= $2::uuid AND ($3::uuid IS NULL OR ${column} < $3::uuid)`,
);

function toPassRow(r: RawRow): PumpPassRow {
  return {
    pumpId: r.pump_id,
    risk: r.version === null ? null : toRiskRow(r, r.version),
    openFlags: r.open_flags === null ? [] : r.open_flags.map(([id, code, severity]) => ({ id, code, severity })),
  };
}

/** One pump's risk facts and open rule flags, or null when it has neither (not active and nothing open). */
export async function loadPumpPassRow(m: EntityManager, now: Date, pumpId: string): Promise<PumpPassRow | null> {
  const [row] = await queryPrepared<RawRow>(m, ONE_PUMP_RISK_STATE_SQL, [now, pumpId]);
  return row ? toPassRow(row) : null;
}

const CURSOR = 'flag_pass_pumps';

/**
 * The bounds of `parts` ranges of pump ids of about equal size (ids are random): the first from the
 * smallest id, the last to the end (null).
 */
export function pumpIdRanges(parts: number): [string, string | null][] {
  const bound = (i: number) =>
    `${Math.floor((i * 0x1_0000_0000) / parts)
      .toString(16)
      .padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: parts }, (_, i) => [bound(i), i === parts - 1 ? null : bound(i + 1)]);
}

/**
 * The pumps of the scheduled pass (every active pump, and every pump with an open rule flag) whose id
 * is in [from, to) through a cursor, read in batches: the caller asks for the next batch before working
 * on the one it has, so PostgreSQL produces it (and runs any statement queued behind it) while the rules
 * run here. The cursor is planned for all of its rows, as the statement was (a cursor is otherwise
 * planned for its first tenth: fast-start nested loops over 100,000 pumps); the setting lasts until the
 * transaction ends, as does the cursor.
 */
export async function openPassCursor(m: EntityManager, now: Date, [from, to]: [string, string | null]) {
  await m.query(`SELECT set_config('cursor_tuple_fraction', '1', true)`);
  await m.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${PUMP_RANGE_RISK_STATE_SQL}`, [now, from, to]);
  return {
    fetch: async (count: number): Promise<PumpPassRow[]> =>
      ((await m.query(`FETCH FORWARD ${Math.trunc(count)} FROM ${CURSOR}`)) as RawRow[]).map(toPassRow),
    close: () => m.query(`CLOSE ${CURSOR}`) as Promise<unknown>,
  };
}
