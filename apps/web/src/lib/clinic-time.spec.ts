import { describe, expect, it } from 'vitest';
import {
  clinicNow,
  clinicWallClockToIso,
  formatClinicDays,
  formatClinicTime,
  formatClinicTimeRange,
  formatLocalDateWithWeekday,
} from './clinic-time';

describe('clinicWallClockToIso', () => {
  it("reads a date and time on the clinic's clock, on either side of a daylight-saving change", () => {
    // London: GMT until 29 Mar 2026 01:00 UTC, then BST (UTC+1).
    expect(clinicWallClockToIso('2026-03-27', '08:30', 'Europe/London')).toBe('2026-03-27T08:30:00.000Z');
    expect(clinicWallClockToIso('2026-03-30', '08:30', 'Europe/London')).toBe('2026-03-30T07:30:00.000Z');
    expect(clinicWallClockToIso('2026-07-01', '17:00', 'America/Chicago')).toBe('2026-07-01T22:00:00.000Z');
  });

  it('answers undefined for an incomplete date or time', () => {
    expect(clinicWallClockToIso('', '08:30', 'Europe/London')).toBeUndefined();
    expect(clinicWallClockToIso('2026-03-27', '8:3', 'Europe/London')).toBeUndefined();
  });
});

describe('clinic clock formats', () => {
  it("shows times on the clinic's clock, not the browser's", () => {
    expect(formatClinicTime('2026-07-01T22:00:00.000Z', 'America/Chicago')).toBe('17:00');
    expect(formatClinicTimeRange('2026-03-30T07:30:00.000Z', 30, 'Europe/London')).toBe('08:30–09:00');
    expect(clinicNow('Europe/London', new Date('2026-07-01T22:05:00Z'))).toEqual({ date: '2026-07-01', time: '23:05' });
  });

  it('writes dates with their weekday, and clinic days as a range when they run on', () => {
    expect(formatLocalDateWithWeekday('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(formatLocalDateWithWeekday('2026-11-28', { long: true })).toBe('Saturday 28 November 2026');
    expect(formatClinicDays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(formatClinicDays([2, 4])).toBe('Tue, Thu');
  });
});
