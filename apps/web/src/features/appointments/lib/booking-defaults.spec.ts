import { describe, expect, it } from 'vitest';
import { defaultBookingTime } from './booking-defaults';

const clinic = { opensAt: '08:30', timeZone: 'Europe/London' };

describe('defaultBookingTime', () => {
  it("proposes the clinic's opening time on a later day", () => {
    expect(defaultBookingTime({ ...clinic, date: '2026-11-24', now: new Date('2026-11-23T15:07:00Z') })).toBe('08:30');
  });

  it('proposes the opening time today while the clinic has not opened yet', () => {
    expect(defaultBookingTime({ ...clinic, date: '2026-11-23', now: new Date('2026-11-23T07:50:00Z') })).toBe('08:30');
  });

  it("proposes the next quarter hour on the clinic's clock once it has opened today", () => {
    expect(defaultBookingTime({ ...clinic, date: '2026-11-23', now: new Date('2026-11-23T10:22:00Z') })).toBe('10:30');
    // 10:22 UTC is 11:22 in London's summer time.
    expect(defaultBookingTime({ ...clinic, date: '2026-07-01', now: new Date('2026-07-01T10:22:00Z') })).toBe('11:30');
    expect(defaultBookingTime({ ...clinic, date: '2026-11-23', now: new Date('2026-11-23T23:55:00Z') })).toBe('23:45');
  });
});
