import { describe, expect, it } from 'vitest';
import { bookingDateWarnings, takesASlot } from './booking-checks.js';

const LONDON = 'Europe/London';
// A pump whose alarm sounds on Tue 1 Dec 2026 at 10:00 and which runs empty on Sun 6 Dec at 10:00,
// refill due by Mon 30 Nov (hand-worked: DESIGN.md "The reservoir engine").
const pump = {
  alarmAt: new Date('2026-12-01T10:00:00Z'),
  emptyAt: new Date('2026-12-06T10:00:00Z'),
  refillBy: '2026-11-30',
};

describe('bookingDateWarnings', () => {
  it('says nothing for a start on the refill-by date, before the alarm', () => {
    expect(bookingDateWarnings(new Date('2026-11-30T09:00:00Z'), LONDON, pump, null)).toEqual([]);
  });

  it('warns a day after refill-by, and once the alarm has passed', () => {
    expect(bookingDateWarnings(new Date('2026-12-01T09:59:00Z'), LONDON, pump, null)).toEqual([
      'Falls after the refill-by date (30 Nov 2026)',
    ]);
    expect(bookingDateWarnings(new Date('2026-12-01T10:01:00Z'), LONDON, pump, null)).toEqual([
      "Starts after the pump's low-reservoir alarm (1 Dec 2026, 10:00 GMT)",
      'Falls after the refill-by date (30 Nov 2026)',
    ]);
  });

  it('names the empty date instead of the alarm once the pump would be dry', () => {
    expect(bookingDateWarnings(new Date('2026-12-07T09:00:00Z'), LONDON, pump, null)[0]).toBe(
      'Starts after the pump is projected to run empty (6 Dec 2026, 10:00 GMT): the patient would be without baclofen',
    );
  });

  it("judges refill-by on the clinic's calendar, not UTC's", () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Auckland.
    const start = new Date('2026-11-30T23:30:00Z');
    expect(bookingDateWarnings(start, LONDON, pump, null)).toEqual([]);
    expect(bookingDateWarnings(start, 'Pacific/Auckland', pump, null)).toEqual([
      'Falls after the refill-by date (30 Nov 2026)',
    ]);
  });

  it('warns when the day is full, and not one booking before', () => {
    const start = new Date('2026-11-26T09:00:00Z');
    expect(bookingDateWarnings(start, LONDON, null, { date: '2026-11-26', booked: 11, capacity: 12 })).toEqual([]);
    expect(bookingDateWarnings(start, LONDON, null, { date: '2026-11-26', booked: 12, capacity: 12 })).toEqual([
      '26 Nov 2026 is full: 12 of 12 slots booked',
    ]);
  });

  it('a pump without a projection adds nothing', () => {
    const none = { alarmAt: null, emptyAt: null, refillBy: null };
    expect(bookingDateWarnings(new Date('2030-01-01T09:00:00Z'), LONDON, none, null)).toEqual([]);
  });
});

describe('takesASlot', () => {
  it('counts booked, arrived and fulfilled; not cancelled or no-show', () => {
    expect(['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'].map((s) => takesASlot(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
