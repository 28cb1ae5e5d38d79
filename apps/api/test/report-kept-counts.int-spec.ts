import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OverdueReport } from '@itb/contracts';
import { addDays, BOOKING_MISSED_AFTER_HOURS, previousPeriod, type ReportPeriod, toLocalDate } from '@itb/domain';
import type { DataSource } from 'typeorm';
import { OverdueReportService } from '../src/modules/reports/overdue-report.service.js';
import { DUE_COUNTS, DUE_REFILLS, NO_SHOW_COUNTS_BY_PERIOD } from '../src/modules/reports/report-sql.js';
import { createClinic, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** A small seeded generator (mulberry32), so a failure names data that can be made again. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Row = Record<string, number | string | boolean | null>;

/**
 * The report's due refills and refill appointments counted from the raw rows, as the report did before
 * it kept counts (DUE_REFILLS and REFILL_APPOINTMENTS, one statement each): the figures the kept counts
 * must give, for the period and the one before.
 */
async function rawFigures(db: DataSource, clinicId: string, period: ReportPeriod, today: string, now: Date) {
  const previous = previousPeriod(period, today);
  const groups = (await db.query(
    `SELECT GROUPING(m.month) = 0 AS is_month, GROUPING(pt.primary_specialist_id) = 0 AS is_specialist,
            m.month, pt.primary_specialist_id AS specialist_id, d.performed_by, ${DUE_COUNTS}
     FROM (${DUE_REFILLS}) d
     CROSS JOIN LATERAL (SELECT to_char(d.due_on, 'YYYY-MM') AS month) m
     JOIN pumps pp ON pp.id = d.pump_id AND pp.clinic_id = $1
     JOIN patients pt ON pt.id = pp.patient_id AND pt.clinic_id = $1
     GROUP BY GROUPING SETS ((m.month), (pt.primary_specialist_id), (d.performed_by))`,
    [clinicId, period.from, period.to, today],
  )) as Row[];
  const totals = (await db.query(
    `SELECT d.due_on >= $5::date AS is_current, ${DUE_COUNTS},
            percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days_to_alarm) AS median_days
     FROM (${DUE_REFILLS}) d GROUP BY 1`,
    [clinicId, previous.from, period.to, today, period.from],
  )) as Row[];
  const visits = (await db.query(NO_SHOW_COUNTS_BY_PERIOD, [
    clinicId,
    previous.from,
    period.to,
    today,
    now,
    BOOKING_MISSED_AFTER_HOURS,
    period.from,
  ])) as Row[];
  return { groups, totals, visits };
}

/** The report's figures, from the kept counts (what the API answers), in the raw figures' terms. */
function figuresOf(report: OverdueReport) {
  const due = (m: OverdueReport['previous']) => ({
    fell_due: m.fellDue,
    on_time: m.onTime,
    late: m.late,
    after_alarm: m.afterAlarm,
    not_done: m.notDone,
    pending: m.pending,
    median: m.medianDaysRefillToAlarm,
  });
  const visits = (m: OverdueReport['previous']) => ({
    appointments: m.noShows.appointments,
    fulfilled: m.noShows.fulfilled,
    marked_no_show: m.noShows.markedNoShow,
    passed_without_fill: m.noShows.passedWithoutFill,
    arrived_without_fill: m.noShows.arrivedWithoutFill,
    upcoming: m.noShows.upcoming,
    cancelled: m.noShows.cancelled,
  });
  return {
    current: { ...due(report.headline), ...visits(report.headline) },
    previous: { ...due(report.previous), ...visits(report.previous) },
    byMonth: report.byMonth.map((m) => [m.month, m.fellDue, m.onTime, m.late, m.afterAlarm, m.notDone, m.pending]),
    bySpecialist: report.bySpecialist
      .map((s) => [s.specialistId, s.fellDue, s.onTime, s.late, s.afterAlarm, s.notDone])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    byPerformer: report.byPerformer
      .map((p) => [p.clinicianId, p.done, p.onTime, p.late, p.afterAlarm])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  };
}

/** The raw figures in the same terms, worked as the report worked them before (0 where nothing fell due). */
function expectedOf(raw: Awaited<ReturnType<typeof rawFigures>>, months: string[]) {
  const n = (v: unknown) => Number(v ?? 0);
  const due = (r: Row | undefined) => ({
    fell_due: n(r?.fell_due),
    on_time: n(r?.on_time),
    late: n(r?.late),
    after_alarm: n(r?.after_alarm),
    not_done: n(r?.not_done),
    pending: n(r?.pending),
    median:
      r?.median_days === null || r?.median_days === undefined ? null : Math.round(Number(r.median_days) * 10) / 10 + 0,
  });
  const visits = (r: Row | undefined) => ({
    appointments: n(r?.appointments),
    fulfilled: n(r?.fulfilled),
    marked_no_show: n(r?.marked_no_show),
    passed_without_fill: n(r?.passed_without_fill),
    arrived_without_fill: n(r?.arrived_without_fill),
    upcoming: n(r?.upcoming),
    cancelled: n(r?.cancelled),
  });
  const total = (isCurrent: boolean) => raw.totals.find((t) => t.is_current === isCurrent);
  const visit = (isCurrent: boolean) => raw.visits.find((t) => t.is_current === isCurrent);
  const month = (m: string) => raw.groups.find((g) => g.is_month && g.month === m);
  return {
    current: { ...due(total(true)), ...visits(visit(true)) },
    previous: { ...due(total(false)), ...visits(visit(false)) },
    byMonth: months.map((m) => {
      const r = month(m);
      return [m, n(r?.fell_due), n(r?.on_time), n(r?.late), n(r?.after_alarm), n(r?.not_done), n(r?.pending)];
    }),
    bySpecialist: raw.groups
      .filter((g) => g.is_specialist && n(g.fell_due) > 0)
      .map((g) => [g.specialist_id, n(g.fell_due), n(g.on_time), n(g.late), n(g.after_alarm), n(g.not_done)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    byPerformer: raw.groups
      .filter((g) => !g.is_month && !g.is_specialist && g.performed_by !== null)
      .map((g) => [
        g.performed_by,
        n(g.on_time) + n(g.late) + n(g.after_alarm),
        n(g.on_time),
        n(g.late),
        n(g.after_alarm),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  };
}

/**
 * The report reads counts kept by trigger (migration 1764760000000) instead of counting a year of raw
 * rows. Here varied data — refills due on every kind of day, on time, late and after the alarm, some
 * with no alarm instant, first fills, appointments of every status and type, some passing today by the
 * clock — is written straight into the tables, then back-dated, corrected, moved, cancelled and deleted,
 * one statement and many rows at a time, and after each round the report of many periods (whole months,
 * single days, spans across month ends and across today, the future) and several todays must equal the
 * raw count exactly, median included.
 */
describe.each([
  ['America/Chicago', 1],
  ['Pacific/Auckland', 2],
])('kept report counts equal the raw count (%s)', (timeZone, seed) => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let report: OverdueReportService;
  const rnd = seeded(seed);
  const patients: string[] = [];
  const pumps: string[] = [];
  const base = new Date('2026-06-15T12:00:00Z');
  let minutes = 0;
  let step = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx, { timeZone });
    report = ctx.app.get(OverdueReportService);
    const staff = [clinic.users.specialist.id, clinic.users.nurse.id, clinic.users.admin.id];
    for (let i = 0; i < 24; i++) {
      const [p] = (await ctx.dataSource.query(
        `INSERT INTO patients (clinic_id, mrn, given_name, family_name, birth_date, sex, spasticity_origin, diagnosis,
                               primary_specialist_id)
         VALUES ($1, $2, 'Kept', 'Counts', '1970-01-01', 'female', 'spinal', 'ms', $3) RETURNING id`,
        [clinic.id, `KC-${seed}-${i}`, i % 4 === 0 ? null : staff[i % 2]],
      )) as [{ id: string }];
      patients.push(p.id);
    }
    // Pumps for 20 of them; four patients are left without one, to take pumps moved to them later.
    for (let i = 0; i < 20; i++) {
      const refillBy = i % 7 === 0 ? null : addDays('2026-06-15', rnd.int(-90, 60));
      const [p] = (await ctx.dataSource.query(
        `INSERT INTO pumps (clinic_id, patient_id, model, serial_number, implanted_on, reservoir_ml, alarm_ml,
                            current_daily_dose_mcg, refill_by, status, explanted_on)
         VALUES ($1, $2, 'synchromed_ii_20', $3, '2023-01-01', 20, 2, 400, $4, $5, $6) RETURNING id`,
        [
          clinic.id,
          patients[i],
          `KC-${seed}-${i}`,
          refillBy,
          i === 5 ? 'explanted' : 'active',
          i === 5 ? '2026-01-01' : null,
        ],
      )) as [{ id: string }];
      pumps.push(p.id);
    }
    await addFills(300, -800, 60);
    await addAppointments(240, -800, 40);
  });

  afterAll(async () => {
    await ctx.app.close();
  });

  /** `n` fills on random pumps, performed between `fromDays` and `toDays` around the base instant. */
  async function addFills(n: number, fromDays: number, toDays: number) {
    const rows = Array.from({ length: n }, (_, i) => {
      const performedAt = new Date(
        base.getTime() + rnd.int(fromDays * 1440, toDays * 1440) * 60_000 + ++minutes * 1000,
      );
      const isInitial = i % 25 === 0;
      const dueOn = toLocalDate(new Date(performedAt.getTime() + rnd.int(-12, 12) * 86_400_000), timeZone);
      // Alarm some hours to weeks from the refill, at a random minute; now and then no alarm instant.
      const dueAlarm = i % 17 === 0 ? null : new Date(performedAt.getTime() + rnd.int(-5 * 1440, 20 * 1440) * 60_000);
      return {
        pump: pumps[rnd.int(0, pumps.length - 1)],
        performedAt: performedAt.toISOString(),
        by: [clinic.users.specialist.id, clinic.users.nurse.id][rnd.int(0, 1)],
        isInitial,
        dueOn: isInitial ? null : dueOn,
        dueAlarm: isInitial ? null : (dueAlarm?.toISOString() ?? null),
      };
    });
    await ctx.dataSource.query(
      `INSERT INTO fills (clinic_id, pump_id, performed_at, performed_by, is_initial, residual_withdrawn_ml, residual_found_ml,
         volume_added_ml, reservoir_volume_after_ml, drug_product, concentration_mcg_per_ml, lot_number, lot_expires_on,
         daily_dose_mcg, alarm_at, empty_at, refill_by, due_refill_by, due_alarm_at)
       SELECT $1, r.pump, r.at, r.by, r.initial, CASE WHEN r.initial THEN NULL ELSE 3 END, CASE WHEN r.initial THEN NULL ELSE 3 END,
              20, 20, 'Lioresal Intrathecal', 2000, 'LOT-K', '2030-01-01', 400, r.at + interval '90 days',
              r.at + interval '100 days', (r.at + interval '85 days')::date, r.due_on, r.due_alarm
       FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::boolean[], $6::date[], $7::timestamptz[])
            AS r(pump, at, by, initial, due_on, due_alarm)`,
      [
        clinic.id,
        rows.map((r) => r.pump),
        rows.map((r) => r.performedAt),
        rows.map((r) => r.by),
        rows.map((r) => r.isInitial),
        rows.map((r) => r.dueOn),
        rows.map((r) => r.dueAlarm),
      ],
    );
  }

  /** `n` appointments of every status and type, one per patient, type and clinic day at most. */
  async function addAppointments(n: number, fromDays: number, toDays: number) {
    const statuses = ['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'];
    const types = ['refill', 'refill', 'refill', 'dose_review'];
    const rows = Array.from({ length: n }, () => ({
      patient: rnd.int(0, patients.length - 1),
      at: new Date(base.getTime() + rnd.int(fromDays * 1440, toDays * 1440) * 60_000).toISOString(),
      status: statuses[rnd.int(0, 4)]!,
      type: types[rnd.int(0, 3)]!,
    }));
    await ctx.dataSource.query(
      `INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, status, created_by)
       SELECT DISTINCT ON (pt.id, r.type, (r.at AT TIME ZONE $2)::date)
              $1, pt.id, pu.id, r.type, r.at, (r.at AT TIME ZONE $2)::date, r.status, $3
       FROM unnest($4::int[], $5::timestamptz[], $6::text[], $7::text[]) AS r(k, at, status, type)
       JOIN LATERAL (SELECT ($8::uuid[])[r.k + 1] AS id) pt ON true
       LEFT JOIN pumps pu ON pu.patient_id = pt.id AND pu.status = 'active'
       ON CONFLICT DO NOTHING`,
      [
        clinic.id,
        timeZone,
        clinic.users.nurse.id,
        rows.map((r) => r.patient),
        rows.map((r) => r.at),
        rows.map((r) => r.status),
        rows.map((r) => r.type),
        patients,
      ],
    );
  }

  /** Periods of every shape around `today`, and the raw and kept figures of each must agree. */
  async function expectEqualFigures(now: Date) {
    ctx.clock.set(now);
    const today = toLocalDate(now, timeZone);
    const periods: ReportPeriod[] = [
      { from: addDays(today, -365), to: today },
      { from: '2025-07-01', to: '2026-06-30' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: today, to: today },
      { from: '2026-03-31', to: '2026-04-01' },
      { from: '2025-12-15', to: '2026-01-14' },
      { from: addDays(today, -40), to: addDays(today, 30) },
      { from: addDays(today, 1), to: addDays(today, 90) },
    ];
    for (let i = 0; i < 8; i++) {
      const from = addDays(today, -rnd.int(0, 800));
      periods.push({ from, to: addDays(from, rnd.int(0, 400)) });
    }
    for (const period of periods) {
      // Each computed afresh: the clock moves past the minute a computed report is kept (never back to
      // an instant an earlier round used: direct writes leave no audit row to tell the report).
      ctx.clock.set(new Date(now.getTime() + ++step * 61_000));
      const at = ctx.clock.now();
      const kept = await report.build(clinic.id, period, 5);
      const raw = await rawFigures(ctx.dataSource, clinic.id, period, toLocalDate(at, timeZone), at);
      expect({ period, ...figuresOf(kept) }).toEqual({
        period,
        ...expectedOf(
          raw,
          kept.byMonth.map((m) => m.month),
        ),
      });
    }
  }

  it('gives the raw figures on the data as written', async () => {
    // Bookings on today's clinic day, some started over four hours ago (passed by the clock), some not.
    const now = new Date('2026-06-15T20:00:00Z');
    await ctx.dataSource.query(
      `INSERT INTO appointments (clinic_id, patient_id, type, starts_at, starts_on, status, created_by)
       SELECT $1, p.id, 'refill', $2::timestamptz - (k || ' hours')::interval,
              (($2::timestamptz - (k || ' hours')::interval) AT TIME ZONE $3)::date, s, $4
       FROM unnest($5::uuid[]) WITH ORDINALITY AS p(id, k)
       CROSS JOIN LATERAL (SELECT CASE WHEN k % 2 = 0 THEN 'booked' ELSE 'arrived' END AS s) st
       WHERE k <= 8
       ON CONFLICT DO NOTHING`,
      [clinic.id, now, timeZone, clinic.users.nurse.id, patients],
    );
    await expectEqualFigures(now);
    await expectEqualFigures(new Date('2026-06-16T03:30:00Z'));
  });

  it('still gives them after back-dated, corrected, moved, cancelled and deleted records', async () => {
    await addFills(60, -700, -300); // back-dated history
    // Corrections of many rows in one statement each: the refill's instant, its alarm, its due date.
    await ctx.dataSource.query(
      `UPDATE fills SET performed_at = performed_at + interval '3 days 5 hours' WHERE clinic_id = $1 AND id::text < '4'`,
      [clinic.id],
    );
    await ctx.dataSource.query(
      `UPDATE fills SET due_alarm_at = due_alarm_at - interval '2 days 3 hours' WHERE clinic_id = $1 AND id::text > 'b'`,
      [clinic.id],
    );
    await ctx.dataSource.query(
      `UPDATE fills SET due_refill_by = due_refill_by + 31, performed_by = $2
       WHERE clinic_id = $1 AND NOT is_initial AND id::text BETWEEN '6' AND '8'`,
      [clinic.id, clinic.users.admin.id],
    );
    await ctx.dataSource.query(`UPDATE fills SET notes = 'no counted change' WHERE clinic_id = $1`, [clinic.id]);
    await ctx.dataSource.query(`DELETE FROM fills WHERE clinic_id = $1 AND id::text LIKE 'a%'`, [clinic.id]);
    // Appointments cancelled, moved to another day, retyped, deleted.
    await ctx.dataSource.query(
      `UPDATE appointments SET status = 'cancelled' WHERE clinic_id = $1 AND status = 'booked' AND id::text < '5'`,
      [clinic.id],
    );
    await ctx.dataSource.query(
      `UPDATE appointments SET starts_at = starts_at + interval '9 days', starts_on = starts_on + 9
       WHERE clinic_id = $1 AND status IN ('fulfilled', 'noshow', 'cancelled') AND id::text > 'c'`,
      [clinic.id],
    );
    await ctx.dataSource.query(
      `UPDATE appointments SET type = CASE type WHEN 'refill' THEN 'dose_review' ELSE 'refill' END
       WHERE clinic_id = $1 AND status IN ('fulfilled', 'noshow', 'cancelled') AND id::text LIKE '1%'`,
      [clinic.id],
    );
    await ctx.dataSource.query(`DELETE FROM appointments WHERE clinic_id = $1 AND id::text LIKE '2%'`, [clinic.id]);
    // Patients given another primary specialist (or none); a pump moved to a patient without one; a pump
    // explanted; refill-by dates moved, one cleared.
    await ctx.dataSource.query(
      `UPDATE patients SET primary_specialist_id = CASE WHEN primary_specialist_id IS NULL THEN $2::uuid END
       WHERE clinic_id = $1 AND mrn LIKE $3`,
      [clinic.id, clinic.users.admin.id, `KC-${seed}-1%`],
    );
    await ctx.dataSource.query(`UPDATE pumps SET patient_id = $1 WHERE id = $2`, [patients[22], pumps[3]]);
    await ctx.dataSource.query(`UPDATE pumps SET patient_id = $1 WHERE id = $2`, [patients[23], pumps[5]]);
    await ctx.dataSource.query(`UPDATE pumps SET status = 'explanted', explanted_on = '2026-05-01' WHERE id = $1`, [
      pumps[8],
    ]);
    await ctx.dataSource.query(
      `UPDATE pumps SET refill_by = refill_by + 4 WHERE clinic_id = $1 AND status = 'active' AND id::text < '8'`,
      [clinic.id],
    );
    await ctx.dataSource.query(`UPDATE pumps SET refill_by = NULL WHERE id = $1`, [pumps[9]]);
    await expectEqualFigures(new Date('2026-06-15T20:00:00Z'));
    await expectEqualFigures(new Date('2026-09-01T09:00:00Z'));
  });

  it('keeps counts that sum to the raw rows for every day (no drift)', async () => {
    const [drift] = (await ctx.dataSource.query(
      `SELECT
         (SELECT count(*) FROM report_due_counts WHERE clinic_id = $1 AND (on_time < 0 OR late < 0 OR after_alarm < 0 OR unanswered < 0))
           AS negative_due,
         (SELECT count(*) FROM report_visit_counts WHERE clinic_id = $1 AND n < 0) AS negative_visits,
         (SELECT count(*) FROM report_alarm_counts WHERE clinic_id = $1 AND n < 0) AS negative_alarm,
         (SELECT coalesce(sum(n), 0) FROM report_alarm_counts WHERE clinic_id = $1 AND NOT is_month)
           - (SELECT coalesce(sum(n), 0) FROM report_alarm_counts WHERE clinic_id = $1 AND is_month) AS days_minus_months`,
      [clinic.id],
    )) as [Row];
    expect(drift).toEqual({ negative_due: '0', negative_visits: '0', negative_alarm: '0', days_minus_months: '0' });
  });
});
