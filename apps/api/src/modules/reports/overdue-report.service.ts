import { Injectable } from '@nestjs/common';
import type {
  NoShowCounts,
  OverdueNowPage,
  OverdueNowQuery,
  OverdueReport,
  ReportMeasures,
  ReportRate,
} from '@itb/contracts';
import {
  BOOKING_MISSED_AFTER_HOURS,
  daysBetween,
  lastTwelveMonths,
  monthsOf,
  previousPeriod,
  type ReportPeriod,
  roundTo,
  toLocalDate,
  toLocalDateTime,
} from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { readAll, StaleReads } from '../../common/stale-reads.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { medianDaysToAlarm } from './report-median.js';
import {
  type DueCountRow,
  KEPT_DUE_COUNTS,
  KEPT_VISIT_COUNTS,
  type NoShowRow,
  OVERDUE_NOW,
  OVERDUE_NOW_COUNTS,
} from './report-sql.js';

export const rateOf = (numerator: number, denominator: number): ReportRate => ({
  numerator,
  denominator,
  pct: denominator === 0 ? null : roundTo((numerator / denominator) * 100, 1),
});

const dueCounts = (r: DueCountRow) => ({
  fellDue: r.fell_due,
  onTime: r.on_time,
  late: r.late,
  afterAlarm: r.after_alarm,
  notDone: r.not_done,
  onTimeRate: rateOf(r.on_time, r.fell_due),
});
const NO_DUE: DueCountRow = { fell_due: 0, on_time: 0, late: 0, after_alarm: 0, not_done: 0, pending: 0 };
const NO_VISITS: NoShowRow = {
  appointments: 0,
  fulfilled: 0,
  marked_no_show: 0,
  passed_without_fill: 0,
  arrived_without_fill: 0,
  upcoming: 0,
  cancelled: 0,
};

function noShowCounts(r: NoShowRow): NoShowCounts {
  const missed = r.marked_no_show + r.passed_without_fill + r.arrived_without_fill;
  return {
    appointments: r.appointments,
    fulfilled: r.fulfilled,
    markedNoShow: r.marked_no_show,
    passedWithoutFill: r.passed_without_fill,
    arrivedWithoutFill: r.arrived_without_fill,
    upcoming: r.upcoming,
    cancelled: r.cancelled,
    noShowRate: rateOf(missed, r.appointments),
  };
}

type GroupRow = DueCountRow & {
  is_current: boolean;
  is_month: boolean;
  is_specialist: boolean;
  is_performer: boolean;
  month: string | null;
  specialist_id: string | null;
  performed_by: string | null;
};

const totalOf = (groups: GroupRow[], isCurrent: boolean) =>
  groups.find((g) => g.is_current === isCurrent && !g.is_month && !g.is_specialist && !g.is_performer);


interface OverdueNowRaw {
  pump_id: string;
  patient_id: string;
  refill_by: string;
  queue_rank: number;
  alarm_at: Date;
  empty_at: Date;
  given_name: string;
  family_name: string;
  mrn: string;
  is_high_risk: boolean;
  phone: string | null;
  emergency_contact: string | null;
  specialist_name: string | null;
  last_refill_on: string;
  next_at: Date | null;
  missed_at: Date | null;
}

/** The period asked for; either end may be left to the default. */
export interface ReportPeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/** How long a computed report is answered again while nothing is written in its clinic. */
export const REPORT_FRESH_MS = 60_000;
const MAX_KEPT_REPORTS = 200;

export interface ReportScope {
  clinicId: string;
  clinicName: string;
  timeZone: string;
  today: string;
  now: Date;
  period: ReportPeriod;
}

function measuresOf(
  period: ReportPeriod,
  total: GroupRow | undefined,
  medianDays: number | null,
  visits: NoShowRow | undefined,
): ReportMeasures {
  const row = total ?? NO_DUE;
  return {
    from: period.from,
    to: period.to,
    ...dueCounts(row),
    pending: row.pending,
    medianDaysRefillToAlarm: medianDays === null ? null : roundTo(Number(medianDays), 1),
    noShows: noShowCounts(visits ?? NO_VISITS),
  };
}

/**
 * The overdue-refill report (DESIGN.md "Work surfaces"; issue 18's definitions). A month holds the
 * refills that fell due in it by refill-by date in the clinic's calendar, whatever became of them:
 * done on time, late, after the alarm, or not done (overdue now). No-shows are the refill
 * appointments to happen in the period that led to no refill; cancelled ones are counted apart.
 *
 * The report may be a moment old: it is read through StaleReads (a read replica when there is one).
 */
@Injectable()
export class OverdueReportService {
  /** Reports computed lately, by clinic, period, today, rows and the clinic's latest audit row. */
  private readonly recent = new Map<string, { at: number; report: Promise<OverdueReport> }>();

  constructor(
    private readonly staleReads: StaleReads,
    private readonly clinics: ClinicsService,
    private readonly clock: Clock,
  ) {}

  /** The clinic, its today and the period asked for (default: the twelve calendar months to today). */
  async scope(m: EntityManager, clinicId: string, query: ReportPeriodQuery): Promise<ReportScope> {
    const clinic = await this.clinics.get(clinicId, m);
    const now = this.clock.now();
    const today = toLocalDate(now, clinic.timeZone);
    const to = query.to ?? today;
    const period = { from: query.from ?? lastTwelveMonths(to).from, to };
    return { clinicId, clinicName: clinic.name, timeZone: clinic.timeZone, today, now, period };
  }

  /**
   * The report with the first `overdueRows` pumps overdue now (null: all of them, for the CSV).
   *
   * A report is kept for a minute (REPORT_FRESH_MS) and answered again while nothing was written in the
   * clinic: every write stores its audit row in its own transaction, so the clinic's latest audit row of
   * a change (audited reads left out) is part of the key and any write makes the next read compute
   * afresh. What only the clock changes (an
   * alarm passing, a booking becoming missed) shows within the minute. Requests for a report being
   * computed share that computation.
   *
   * On a replica the mark and the report are read on one connection, one statement after another, so
   * the report holds at least every write its mark names (a replica only moves forward); with several
   * replicas at different points, statements spread over them could key a report by a write it misses.
   */
  build(clinicId: string, query: ReportPeriodQuery, overdueRows: number | null): Promise<OverdueReport> {
    return this.staleReads.run((m) => this.buildOn(m, clinicId, query, overdueRows));
  }

  private async buildOn(
    m: EntityManager,
    clinicId: string,
    query: ReportPeriodQuery,
    overdueRows: number | null,
  ): Promise<OverdueReport> {
    const scope = await this.scope(m, clinicId, query);
    const [mark] = (await m.query(
      // Reads that are audited (a patient's record opened, a sign-in) change nothing the report counts,
      // nor do flags (it reads none), so the hourly pass does not make every clinic's report be
      // computed again. The index audit_events_clinic_change_idx holds exactly these rows, newest first
      // (ordered by the columns themselves, not the text output column `id`), so LIMIT stops at one.
      `SELECT a.id::text AS id FROM audit_events a
       WHERE a.clinic_id = $1 AND a.action <> 'patient.view' AND a.action NOT LIKE 'auth.%'
         AND a.action NOT LIKE 'flag.%'
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1`,
      [clinicId],
    )) as [{ id: string }?];
    const key = [clinicId, scope.period.from, scope.period.to, scope.today, overdueRows ?? 'all', mark?.id ?? ''].join(
      '|',
    );
    const at = scope.now.getTime();
    const kept = this.recent.get(key);
    if (kept && Math.abs(at - kept.at) < REPORT_FRESH_MS) return kept.report;
    const report = this.compute(m, scope, overdueRows);
    this.recent.delete(key);
    this.recent.set(key, { at, report });
    if (this.recent.size > MAX_KEPT_REPORTS) this.recent.delete(this.recent.keys().next().value!);
    void report.catch(() => this.recent.delete(key));
    return report;
  }

  /**
   * The report itself. Its statements are independent reads, sent together on the primary (in turn on a
   * replica's one connection, see build): the due refills of the period and the one before, totals and
   * by month, specialist and performer (from the counts kept by trigger); their medians; their refill
   * appointments (kept counts too); the overdue count and its first page.
   */
  private async compute(m: EntityManager, scope: ReportScope, overdueRows: number | null): Promise<OverdueReport> {
    const { period, timeZone: tz, today } = scope;
    const previousSpan = previousPeriod(period, today);
    const [groups, median, previousMedian, visits, counts, overdue] = await readAll(m, [
      () => this.dueCounts(m, scope, period, previousSpan),
      () => medianDaysToAlarm(m, scope.clinicId, period),
      () => medianDaysToAlarm(m, scope.clinicId, previousSpan),
      () => this.visitsByPeriod(m, scope, period, previousSpan),
      () => this.overdueCounts(m, scope),
      () => this.overduePage(m, scope, overdueRows, null),
    ] as const);
    const current = groups.filter((g) => g.is_current);
    const names = await this.userNames(
      m,
      current.flatMap((g) => [g.is_specialist ? g.specialist_id : null, g.is_performer ? g.performed_by : null]),
    );
    const monthRows = new Map(current.filter((g) => g.is_month).map((g) => [g.month!, g]));

    return {
      clinicName: scope.clinicName,
      timeZone: tz,
      from: period.from,
      to: period.to,
      today,
      headline: {
        ...measuresOf(period, totalOf(groups, true), median, visits.get(true)),
        overdueNow: counts.overdue_now,
        pastAlarmNow: counts.past_alarm_now,
      },
      previous: measuresOf(previousSpan, totalOf(groups, false), previousMedian, visits.get(false)),
      byMonth: monthsOf(period).map((month) => {
        const row = monthRows.get(month) ?? NO_DUE;
        return { month, ...dueCounts(row), pending: row.pending };
      }),
      bySpecialist: current
        .filter((g) => g.is_specialist && g.fell_due > 0)
        .map((g) => ({
          specialistId: g.specialist_id,
          name: g.specialist_id ? (names.get(g.specialist_id) ?? '') : 'No primary specialist',
          ...dueCounts(g),
        }))
        .sort(
          (a, b) => Number(a.specialistId === null) - Number(b.specialistId === null) || a.name.localeCompare(b.name),
        ),
      byPerformer: current
        // A performer with no refill left in the period keeps a row of zeros: no refill, no line.
        .filter((g) => g.is_performer && g.performed_by !== null && g.on_time + g.late + g.after_alarm > 0)
        .map((g) => {
          const done = g.on_time + g.late + g.after_alarm;
          return {
            clinicianId: g.performed_by!,
            name: names.get(g.performed_by!) ?? '',
            done,
            onTime: g.on_time,
            late: g.late,
            afterAlarm: g.after_alarm,
            onTimeRate: rateOf(g.on_time, done),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.clinicianId.localeCompare(b.clinicianId)),
      overdueNow: overdue.items,
      overdueNowNextCursor: overdue.nextCursor,
    };
  }

  /** The pumps overdue now after the report's first page (or any later one), by keyset. */
  overdueNow(clinicId: string, query: OverdueNowQuery): Promise<OverdueNowPage> {
    const after = decodeCursor(query.cursor, 4, 'overdue-now') as [string, string, number, string] | null;
    return this.staleReads.run(async (m) => {
      const scope = await this.scope(m, clinicId, {});
      // The cursor keeps the first page's today, so a page read after midnight continues the same list.
      return this.overduePage(m, after ? { ...scope, today: after[0] } : scope, query.limit, after);
    });
  }

  /** The due refills of both periods, totals and groups, from the kept counts (KEPT_DUE_COUNTS). */
  private dueCounts(m: EntityManager, scope: ReportScope, period: ReportPeriod, previous: ReportPeriod): Promise<GroupRow[]> {
    return m.query(KEPT_DUE_COUNTS, [scope.clinicId, previous.from, period.to, scope.today, period.from]) as Promise<
      GroupRow[]
    >;
  }

  /** The refill appointments of the period (true) and of the one before (false), counted by outcome. */
  private async visitsByPeriod(
    m: EntityManager,
    scope: ReportScope,
    period: ReportPeriod,
    previous: ReportPeriod,
  ): Promise<Map<boolean, NoShowRow>> {
    const rows = (await m.query(KEPT_VISIT_COUNTS, [
      scope.clinicId,
      previous.from,
      period.to,
      scope.today,
      scope.now,
      BOOKING_MISSED_AFTER_HOURS,
      period.from,
    ])) as (NoShowRow & { is_current: boolean })[];
    return new Map(rows.map((r) => [r.is_current, r]));
  }

  private async overdueCounts(m: EntityManager, scope: ReportScope): Promise<{ overdue_now: number; past_alarm_now: number }> {
    const [row] = (await m.query(OVERDUE_NOW_COUNTS, [scope.clinicId, scope.today, scope.now])) as [
      { overdue_now: number; past_alarm_now: number },
    ];
    return row;
  }

  private async overduePage(
    m: EntityManager,
    scope: ReportScope,
    limit: number | null,
    after: [string, string, number, string] | null,
  ): Promise<OverdueNowPage> {
    const { timeZone: tz, today, now } = scope;
    const rows = (await m.query(OVERDUE_NOW, [
      scope.clinicId,
      today,
      now,
      BOOKING_MISSED_AFTER_HOURS,
      limit === null ? null : limit + 1,
      after?.[1] ?? null,
      after?.[2] ?? null,
      after?.[3] ?? null,
    ])) as OverdueNowRaw[];
    const page = limit === null ? rows : rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((o) => {
        const appointmentAt = o.next_at ?? o.missed_at;
        return {
          patientId: o.patient_id,
          patientName: `${o.family_name}, ${o.given_name}`,
          mrn: o.mrn,
          isHighRisk: o.is_high_risk,
          phone: o.phone,
          emergencyContact: o.emergency_contact,
          primarySpecialistName: o.specialist_name,
          pumpId: o.pump_id,
          refillBy: o.refill_by,
          alarmAtLocal: toLocalDateTime(o.alarm_at, tz),
          alarmAt: o.alarm_at.toISOString(),
          emptyAt: o.empty_at.toISOString(),
          emptyAtLocal: toLocalDateTime(o.empty_at, tz),
          daysOverdue: daysBetween(o.refill_by, today),
          isPastAlarm: o.alarm_at <= now,
          lastRefillOn: o.last_refill_on,
          appointment: appointmentAt
            ? {
                startsAt: appointmentAt.toISOString(),
                startsAtLocal: toLocalDateTime(appointmentAt, tz),
                state: o.next_at ? ('booked' as const) : ('missed' as const),
              }
            : null,
        };
      }),
      nextCursor:
        limit !== null && rows.length > limit && last
          ? encodeCursor([today, last.refill_by, last.queue_rank, last.pump_id], 'overdue-now')
          : null,
    };
  }

  private async userNames(m: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    const rows = (await m.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [wanted])) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((u) => [u.id, u.name]));
  }
}
