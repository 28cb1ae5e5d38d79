import { describe, expect, it } from 'vitest';
import { bookingWarnings, type ClinicHours } from './scheduling.js';

// 2026-11-16 is a Monday; London is on GMT in November, so the UTC times are the wall-clock times.
const HOURS: ClinicHours = {
  timeZone: 'Europe/London',
  clinicDays: [1, 2, 3, 4, 5],
  opensAt: '08:00',
  closesAt: '17:00',
};

describe('bookingWarnings at the edges of the clinic hours', () => {
  it('says nothing for a booking from the opening minute to the closing minute', () => {
    expect(bookingWarnings(new Date('2026-11-16T08:00:00Z'), 30, HOURS)).toEqual([]);
    expect(bookingWarnings(new Date('2026-11-16T16:30:00Z'), 30, HOURS)).toEqual([]);
  });

  it('warns for a booking that starts a minute early or ends a minute late', () => {
    expect(bookingWarnings(new Date('2026-11-16T07:59:00Z'), 30, HOURS)).toEqual([
      '07:59–08:29 is outside clinic hours (08:00–17:00)',
    ]);
    expect(bookingWarnings(new Date('2026-11-16T16:31:00Z'), 30, HOURS)).toEqual([
      '16:31–17:01 is outside clinic hours (08:00–17:00)',
    ]);
  });

  it('warns for a booking that runs past midnight, even in a clinic open until 23:59', () => {
    const late = { ...HOURS, opensAt: '00:00', closesAt: '23:59' };
    expect(bookingWarnings(new Date('2026-11-16T23:30:00Z'), 60, late)).toEqual([
      '23:30–00:30 is outside clinic hours (00:00–23:59)',
    ]);
  });
});
