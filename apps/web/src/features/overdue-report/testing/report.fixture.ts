import type { OverdueReport } from '@itb/contracts';

type Headline = OverdueReport['headline'];

/** A report's headline and date, as the API answers them; override what a test is about. */
export const reportHeadline = (overrides: Partial<Headline> = {}, today = '2026-11-23') => ({
  today,
  headline: {
    overdueNow: 3,
    pastAlarmNow: 1,
    refills: 150,
    onTime: 141,
    afterRefillBy: 9,
    afterAlarm: 4,
    onTimeRatePct: 94,
    onTimeRateThisMonthPct: 83.3,
    medianDaysRefillToAlarm: 11,
    refillAppointments: 157,
    noShows: 7,
    noShowRatePct: 4.5,
    ...overrides,
  },
});
