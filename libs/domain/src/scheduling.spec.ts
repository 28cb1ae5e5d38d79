import { describe, expect, it } from 'vitest';
import { bookingWarnings, canTransition, isClinicDay, proposeRefillDate } from './scheduling.js';

const WEEKDAYS = [1, 2, 3, 4, 5];
const LONDON = { timeZone: 'Europe/London', clinicDays: WEEKDAYS, opensAt: '08:30', closesAt: '17:00' };

describe('proposeRefillDate: the last clinic day on or before refill-by, not before today', () => {
  it.each([
    // 2026-11-27 is a Friday; 11-28 Saturday; 11-29 Sunday.
    { refillBy: '2026-11-27', today: '2026-11-23', proposed: '2026-11-27' },
    { refillBy: '2026-11-29', today: '2026-11-23', proposed: '2026-11-27' },
    { refillBy: '2026-11-28', today: '2026-11-28', proposed: '2026-11-30' }, // nothing left before: next clinic day
    { refillBy: '2026-11-20', today: '2026-11-23', proposed: '2026-11-23' }, // overdue: today, a Monday
    { refillBy: '2026-11-20', today: '2026-11-22', proposed: '2026-11-23' }, // overdue on a Sunday: Monday
  ])('refill-by $refillBy, today $today → $proposed', ({ refillBy, today, proposed }) => {
    expect(proposeRefillDate(refillBy, today, WEEKDAYS)).toBe(proposed);
  });

  it('follows the clinic’s own days, and proposes nothing without any', () => {
    expect(proposeRefillDate('2026-11-29', '2026-11-23', [2, 4])).toBe('2026-11-26'); // Thursday
    expect(proposeRefillDate('2026-11-29', '2026-11-23', [])).toBeNull();
    expect(isClinicDay('2026-11-29', [7])).toBe(true);
  });
});

describe('appointment status transitions (FHIR Appointment)', () => {
  it.each([
    ['booked', 'arrived', true],
    ['booked', 'noshow', true],
    ['booked', 'cancelled', true],
    ['booked', 'fulfilled', false],
    ['arrived', 'fulfilled', true],
    ['arrived', 'noshow', false],
    ['fulfilled', 'cancelled', false],
    ['noshow', 'booked', false],
    ['cancelled', 'arrived', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('bookingWarnings', () => {
  it('says nothing inside the clinic’s days and hours', () => {
    expect(bookingWarnings(new Date('2026-11-23T09:00:00Z'), 30, LONDON)).toEqual([]);
    expect(bookingWarnings(new Date('2026-11-23T16:30:00Z'), 30, LONDON)).toEqual([]);
  });

  it('warns of a weekend and of hours outside the clinic’s, on its wall clock', () => {
    expect(bookingWarnings(new Date('2026-11-28T10:00:00Z'), 30, LONDON)).toEqual(['28 Nov 2026 is not a clinic day']);
    expect(bookingWarnings(new Date('2026-11-23T16:45:00Z'), 30, LONDON)).toEqual([
      '16:45–17:15 is outside clinic hours (08:30–17:00)',
    ]);
    // 08:00 BST in summer is 07:00Z: before opening.
    expect(bookingWarnings(new Date('2026-06-01T07:00:00Z'), 30, LONDON)).toEqual([
      '08:00–08:30 is outside clinic hours (08:30–17:00)',
    ]);
  });
});
