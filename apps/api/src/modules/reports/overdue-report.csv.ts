import type { OverdueReport, REPORT_CSV_SECTIONS, ReportRate } from '@itb/contracts';

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

export type ReportCsvSection = (typeof REPORT_CSV_SECTIONS)[number];

const SECTION_TITLES: Record<ReportCsvSection, string> = {
  'overdue-now': 'Pumps overdue now',
  months: 'Refills by the month they fell due',
  specialists: 'Refills by primary specialist',
  performers: 'Refills by who performed them',
};

/** "33.3 % (1 of 3)", or "no data (0 of 0)". */
export const rateText = (r: ReportRate) =>
  `${r.pct === null ? 'no data' : `${r.pct} %`} (${r.numerator} of ${r.denominator})`;

/** The block every section file starts with: what, for whom, when, in which zone, and the headline figures. */
function headerBlock(report: OverdueReport, section: ReportCsvSection): Cell[][] {
  const h = report.headline;
  return [
    ['ITB Clinic overdue-refill report', SECTION_TITLES[section]],
    ['Clinic', report.clinicName],
    ['Period', `${report.from} to ${report.to}`],
    ['Time zone', report.timeZone],
    ['Produced on', report.today],
    ['Fell due', h.fellDue],
    ['On time', h.onTime],
    ['Late (after refill-by)', h.late],
    ['After the alarm', h.afterAlarm],
    ['Not done (overdue)', h.notDone],
    ['On-time rate', rateText(h.onTimeRate)],
    ['Overdue now', h.overdueNow],
    ['Past the alarm now', h.pastAlarmNow],
    ['Refill appointments (not cancelled)', h.noShows.appointments],
    ['No-show rate', rateText(h.noShows.noShowRate)],
    ['Cancelled appointments', h.noShows.cancelled],
    [],
  ];
}

const dueColumns = ['fell_due', 'on_time', 'late', 'after_alarm', 'not_done', 'on_time_rate_pct'];
const dueCells = (c: OverdueReport['byMonth'][number] | OverdueReport['bySpecialist'][number]): Cell[] => [
  c.fellDue,
  c.onTime,
  c.late,
  c.afterAlarm,
  c.notDone,
  c.onTimeRate.pct,
];

function sectionRows(report: OverdueReport, section: ReportCsvSection): Cell[][] {
  switch (section) {
    case 'overdue-now':
      return [
        [
          'patient',
          'mrn',
          'high_risk',
          'phone',
          'emergency_contact',
          'primary_specialist',
          'refill_by',
          'days_overdue',
          'alarm_at_local',
          'past_alarm',
          'empty_at_local',
          'last_refill_on',
          'appointment',
          'appointment_at_local',
        ],
        ...report.overdueNow.map((o) => [
          o.patientName,
          o.mrn,
          o.isHighRisk,
          o.phone,
          o.emergencyContact,
          o.primarySpecialistName,
          o.refillBy,
          o.daysOverdue,
          o.alarmAtLocal,
          o.isPastAlarm,
          o.emptyAtLocal,
          o.lastRefillOn,
          o.appointment?.state ?? null,
          o.appointment?.startsAtLocal ?? null,
        ]),
      ];
    case 'months':
      return [['month', ...dueColumns, 'pending'], ...report.byMonth.map((m) => [m.month, ...dueCells(m), m.pending])];
    case 'specialists':
      return [['primary_specialist', ...dueColumns], ...report.bySpecialist.map((s) => [s.name, ...dueCells(s)])];
    case 'performers':
      return [
        ['performed_by', 'done', 'on_time', 'late', 'after_alarm', 'on_time_rate_pct'],
        ...report.byPerformer.map((p) => [p.name, p.done, p.onTime, p.late, p.afterAlarm, p.onTimeRate.pct]),
      ];
  }
}

/** One section of the report as CSV: the header block, a blank line, then the table. Dates and times are the clinic's. */
export function overdueReportCsv(report: OverdueReport, section: ReportCsvSection): string {
  return toCsv([...headerBlock(report, section), ...sectionRows(report, section)]);
}

/** `overdue-refills_northside-itb-clinic_months_2025-12-01_2026-11-30.csv` */
export function overdueReportFileName(report: OverdueReport, section: ReportCsvSection): string {
  const clinic = report.clinicName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `overdue-refills_${clinic || 'clinic'}_${section}_${report.from}_${report.to}.csv`;
}
