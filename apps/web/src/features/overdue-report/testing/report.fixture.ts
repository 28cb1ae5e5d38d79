import type { OverdueNowRow, OverdueReport, ReportMeasures, ReportPatients, ReportRate } from '@itb/contracts';

/** A rate as the API gives it: pct = numerator / denominator × 100 to 0.1, null over nothing. */
export const rate = (numerator: number, denominator: number): ReportRate => ({
  numerator,
  denominator,
  pct: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10,
});

const noShows = (over: Partial<ReportMeasures['noShows']> = {}): ReportMeasures['noShows'] => ({
  appointments: 50,
  fulfilled: 44,
  markedNoShow: 2,
  passedWithoutFill: 1,
  arrivedWithoutFill: 1,
  upcoming: 3,
  cancelled: 5,
  // (2 + 1 + 1) / 50 = 8.0 %
  noShowRate: rate(4, 50),
  ...over,
});

/** Jan–Mar 2026: 12 fell due, 9 on time, 1 late, 1 after the alarm, 1 not done (9/12 = 75.0 %). */
export const headlineMeasures = (): OverdueReport['headline'] => ({
  from: '2026-01-01',
  to: '2026-03-31',
  fellDue: 12,
  onTime: 9,
  late: 1,
  afterAlarm: 1,
  notDone: 1,
  onTimeRate: rate(9, 12),
  pending: 2,
  medianDaysRefillToAlarm: 6.5,
  noShows: noShows(),
  overdueNow: 1,
  pastAlarmNow: 0,
});

/** Oct–Dec 2025: 50 fell due, 41 on time (82.0 %). */
export const previousMeasures = (): ReportMeasures => ({
  from: '2025-10-01',
  to: '2025-12-31',
  fellDue: 50,
  onTime: 41,
  late: 6,
  afterAlarm: 3,
  notDone: 0,
  onTimeRate: rate(41, 50),
  pending: 0,
  medianDaysRefillToAlarm: 8,
  noShows: noShows({
    appointments: 40,
    markedNoShow: 1,
    passedWithoutFill: 1,
    arrivedWithoutFill: 0,
    noShowRate: rate(2, 40),
  }),
});

export const overdueNowRow = (over: Partial<OverdueNowRow> = {}): OverdueNowRow => ({
  patientId: 'p-ada',
  patientName: 'Lovelace, Ada',
  mrn: 'MRN-0001',
  isHighRisk: true,
  phone: '+44 20 7946 0001',
  emergencyContact: 'Byron, Anne (mother) +44 20 7946 0002',
  primarySpecialistName: 'Dr Okafor',
  pumpId: 'pump-ada',
  refillBy: '2026-03-20',
  alarmAtLocal: '2026-03-28 09:00 Europe/London',
  alarmAt: '2026-03-28T09:00:00.000Z',
  // 1 Apr 2026 is British Summer Time: 10:30 UTC is 11:30 on the clinic's clock.
  emptyAt: '2026-04-01T10:30:00.000Z',
  emptyAtLocal: '2026-04-01 11:30 Europe/London',
  daysOverdue: 5,
  isPastAlarm: false,
  lastRefillOn: '2025-12-20',
  appointment: {
    startsAt: '2026-03-26T09:00:00.000Z',
    startsAtLocal: '2026-03-26 09:00 Europe/London',
    state: 'missed',
  },
  ...over,
});

/** A whole report for Jan–Mar 2026 in London, seen on 25 Mar 2026; February had nothing due. */
export const overdueReport = (over: Partial<OverdueReport> = {}): OverdueReport => ({
  clinicName: 'Northside Clinic',
  timeZone: 'Europe/London',
  from: '2026-01-01',
  to: '2026-03-31',
  today: '2026-03-25',
  headline: headlineMeasures(),
  previous: previousMeasures(),
  byMonth: [
    { month: '2026-01', fellDue: 5, onTime: 4, late: 1, afterAlarm: 0, notDone: 0, onTimeRate: rate(4, 5), pending: 0 },
    { month: '2026-02', fellDue: 0, onTime: 0, late: 0, afterAlarm: 0, notDone: 0, onTimeRate: rate(0, 0), pending: 0 },
    { month: '2026-03', fellDue: 7, onTime: 5, late: 0, afterAlarm: 1, notDone: 1, onTimeRate: rate(5, 7), pending: 2 },
  ],
  bySpecialist: [
    {
      specialistId: 'sp-okafor',
      name: 'Dr Okafor',
      fellDue: 8,
      onTime: 6,
      late: 1,
      afterAlarm: 0,
      notDone: 1,
      onTimeRate: rate(6, 8),
    },
    {
      specialistId: null,
      name: 'No primary specialist',
      fellDue: 4,
      onTime: 3,
      late: 0,
      afterAlarm: 1,
      notDone: 0,
      onTimeRate: rate(3, 4),
    },
  ],
  byPerformer: [
    { clinicianId: 'n-ruiz', name: 'Nurse Ruiz', done: 7, onTime: 6, late: 1, afterAlarm: 0, onTimeRate: rate(6, 7) },
    { clinicianId: 'n-berg', name: 'Nurse Berg', done: 4, onTime: 3, late: 0, afterAlarm: 1, onTimeRate: rate(3, 4) },
  ],
  overdueNow: [overdueNowRow()],
  overdueNowNextCursor: null,
  ...over,
});

export const reportPatients = (over: Partial<ReportPatients> = {}): ReportPatients => ({
  measure: 'late',
  from: '2026-01-01',
  to: '2026-03-31',
  month: '2026-01',
  items: [
    {
      patientId: 'p-grace',
      patientName: 'Hopper, Grace',
      mrn: 'MRN-0002',
      pumpId: 'pump-grace',
      primarySpecialistName: 'Dr Okafor',
      dueOn: '2026-01-31',
      doneOn: '2026-02-03',
      outcome: 'late',
    },
  ],
  total: 1,
  nextCursor: null,
  ...over,
});
