import type { OverdueReport } from '@itb/contracts';

type Cell = string | number | boolean | null;

/**
 * A text cell a spreadsheet would read as a formula (OWASP "CSV injection": starting with = + - @, tab
 * or carriage return) gets a leading apostrophe, so a patient named `=HYPERLINK(…)` stays text.
 * Numbers are written as numbers: a negative one is not a formula.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  const field = (v: Cell) => {
    const s = v === null ? '' : typeof v === 'string' ? neutraliseFormula(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export const OVERDUE_CSV_HEADER = [
  'section',
  'month',
  'clinician',
  'patient',
  'mrn',
  'high_risk',
  'refill_by',
  'alarm_at_local',
  'days_overdue',
  'past_alarm',
  'refills',
  'on_time',
  'after_refill_by',
  'after_alarm',
  'on_time_rate_pct',
] as const;

/**
 * Every table of the report in one CSV, one row per item, the `section` column saying which:
 * `overdue_now`, `month` and `clinician`. Dates and times are the clinic's.
 */
export function overdueReportCsv(report: OverdueReport): string {
  const blank = (n: number) => Array<Cell>(n).fill(null);
  const late = (c: {
    refills: number;
    onTime: number;
    afterRefillBy: number;
    afterAlarm: number;
    onTimeRatePct: number | null;
  }) => [c.refills, c.onTime, c.afterRefillBy, c.afterAlarm, c.onTimeRatePct];
  return toCsv([
    [...OVERDUE_CSV_HEADER],
    ...report.overdueNow.map((o) => [
      'overdue_now',
      null,
      null,
      o.patientName,
      o.mrn,
      o.isHighRisk,
      o.refillBy,
      o.alarmAtLocal,
      o.daysOverdue,
      o.isPastAlarm,
      ...blank(5),
    ]),
    ...report.byMonth.map((m) => ['month', m.month, ...blank(8), ...late(m)]),
    ...report.byClinician.map((c) => ['clinician', null, c.clinicianName, ...blank(7), ...late(c)]),
  ]);
}
