import { Injectable } from '@nestjs/common';
import type { OverdueReport, OverdueReportQuery } from '@itb/contracts';
import { daysBetween, roundTo, toLocalDate, toLocalDateTime } from '@itb/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ClinicsService } from '../clinics/clinics.service.js';

interface LateRow {
  refills: number;
  on_time: number;
  after_refill_by: number;
  after_alarm: number;
}

/** The first day of the month eleven months before `to`'s: twelve calendar months with `to`'s own. */
function twelveMonthsBefore(to: string): string {
  const [year, month] = to.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
}

const rate = (part: number, whole: number) => (whole === 0 ? null : roundTo((part / whole) * 100, 1));
const counts = (r: LateRow) => ({
  refills: r.refills,
  onTime: r.on_time,
  afterRefillBy: r.after_refill_by,
  afterAlarm: r.after_alarm,
  onTimeRatePct: rate(r.on_time, r.refills),
});

/**
 * The overdue-refill report (DESIGN.md "Work surfaces"). Each refill is judged against the refill-by
 * date and alarm it answered to (stored on the fill when it was recorded): on time when done on or
 * before refill-by in the clinic's calendar, late after it, and after the alarm past that instant.
 */
@Injectable()
export class OverdueReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clinics: ClinicsService,
    private readonly clock: Clock,
  ) {}

  async build(clinicId: string, query: OverdueReportQuery): Promise<OverdueReport> {
    const clinic = await this.clinics.get(clinicId);
    const tz = clinic.timeZone;
    const now = this.clock.now();
    const today = toLocalDate(now, tz);
    const to = query.to ?? today;
    const from = query.from ?? twelveMonthsBefore(to);
    const db = this.dataSource;

    const overdue = (await db.query(
      `SELECT p.id AS pump_id, p.patient_id, p.refill_by::text, p.alarm_at, pt.given_name, pt.family_name, pt.mrn,
              pt.is_high_risk
       FROM pumps p JOIN patients pt ON pt.id = p.patient_id
       WHERE p.clinic_id = $1 AND p.status = 'active' AND p.refill_by < $2::date
       ORDER BY p.refill_by, pt.is_high_risk DESC, p.id`,
      [clinicId, today],
    )) as {
      pump_id: string;
      patient_id: string;
      refill_by: string;
      alarm_at: Date;
      given_name: string;
      family_name: string;
      mrn: string;
      is_high_risk: boolean;
    }[];

    // The period's refills, by month and by clinician, through the (clinic_id, performed_at) index.
    const period = `f.clinic_id = $1 AND NOT f.is_initial AND f.due_refill_by IS NOT NULL
      AND f.performed_at >= ($2::date::timestamp AT TIME ZONE $4)
      AND f.performed_at < (($3::date + 1)::timestamp AT TIME ZONE $4)`;
    const late = `count(*)::int AS refills,
      count(*) FILTER (WHERE f.performed_on <= f.due_refill_by)::int AS on_time,
      count(*) FILTER (WHERE f.performed_on > f.due_refill_by)::int AS after_refill_by,
      count(*) FILTER (WHERE f.performed_at > f.due_alarm_at)::int AS after_alarm`;
    const params = [clinicId, from, to, tz];
    // One pass over the period's refills for the counts (the total, each month, each clinician as
    // grouping sets, hashed), and one sort for the median.
    const groups = (await db.query(
      `SELECT GROUPING(m.month) = 0 AS is_month, GROUPING(f.performed_by) = 0 AS is_clinician,
              m.month, f.performed_by AS clinician_id, ${late}
       FROM fills f CROSS JOIN LATERAL (SELECT to_char(f.performed_on, 'YYYY-MM') AS month) m
       WHERE ${period}
       GROUP BY GROUPING SETS ((), (m.month), (f.performed_by))`,
      params,
    )) as (LateRow & { is_month: boolean; is_clinician: boolean; month: string; clinician_id: string })[];
    const [{ median_days }] = (await db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.due_alarm_at - f.performed_at) / 86400)
         AS median_days
       FROM fills f WHERE ${period}`,
      params,
    )) as [{ median_days: number | null }];
    const total = groups.find((g) => !g.is_month && !g.is_clinician) ?? {
      refills: 0,
      on_time: 0,
      after_refill_by: 0,
      after_alarm: 0,
    };
    const months = groups.filter((g) => g.is_month).sort((a, b) => a.month.localeCompare(b.month));
    const names = new Map(
      (
        (await db.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
          groups.filter((g) => g.is_clinician).map((g) => g.clinician_id),
        ])) as { id: string; name: string }[]
      ).map((u) => [u.id, u.name]),
    );
    const clinicians = groups
      .filter((g) => g.is_clinician)
      .map((g) => ({ ...g, clinician_name: names.get(g.clinician_id) ?? '' }))
      .sort((a, b) => a.clinician_name.localeCompare(b.clinician_name) || a.clinician_id.localeCompare(b.clinician_id));
    const [visits] = (await db.query(
      `SELECT count(*) FILTER (WHERE status IN ('fulfilled', 'noshow'))::int AS attended_or_missed,
              count(*) FILTER (WHERE status = 'noshow')::int AS no_shows
       FROM appointments
       WHERE clinic_id = $1 AND type = 'refill'
         AND starts_at >= ($2::date::timestamp AT TIME ZONE $4) AND starts_at < (($3::date + 1)::timestamp AT TIME ZONE $4)`,
      params,
    )) as [{ attended_or_missed: number; no_shows: number }];

    const thisMonth = months.find((m) => m.month === today.slice(0, 7));
    return {
      timeZone: tz,
      from,
      to,
      today,
      headline: {
        overdueNow: overdue.length,
        pastAlarmNow: overdue.filter((o) => o.alarm_at <= now).length,
        ...counts(total),
        onTimeRateThisMonthPct: thisMonth ? rate(thisMonth.on_time, thisMonth.refills) : null,
        medianDaysRefillToAlarm: median_days === null ? null : roundTo(Number(median_days), 1),
        refillAppointments: visits.attended_or_missed,
        noShows: visits.no_shows,
        noShowRatePct: rate(visits.no_shows, visits.attended_or_missed),
      },
      overdueNow: overdue.map((o) => ({
        patientId: o.patient_id,
        patientName: `${o.family_name}, ${o.given_name}`,
        mrn: o.mrn,
        isHighRisk: o.is_high_risk,
        pumpId: o.pump_id,
        refillBy: o.refill_by,
        alarmAtLocal: toLocalDateTime(o.alarm_at, tz),
        alarmAt: o.alarm_at.toISOString(),
        daysOverdue: daysBetween(o.refill_by, today),
        isPastAlarm: o.alarm_at <= now,
      })),
      byMonth: months.map((m) => ({ month: m.month, ...counts(m) })),
      byClinician: clinicians.map((c) => ({
        clinicianId: c.clinician_id,
        clinicianName: c.clinician_name,
        ...counts(c),
      })),
    };
  }
}
