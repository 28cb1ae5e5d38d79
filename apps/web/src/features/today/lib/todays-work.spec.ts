import type { AppointmentResponse } from '@itb/contracts';
import { describe, expect, it } from 'vitest';
import { arrivalsOf, recordedRefillCount, refillsToRecord, tallyArrivals } from './todays-work';

const at = (id: string, startsAt: string, overrides: Partial<AppointmentResponse> = {}) =>
  ({ id, startsAt, type: 'refill', status: 'booked', ...overrides }) as AppointmentResponse;

const DAY = [
  at('late', '2026-11-23T15:00:00.000Z'),
  at('early', '2026-11-23T08:30:00.000Z', { status: 'arrived' }),
  at('review', '2026-11-23T09:00:00.000Z', { type: 'dose_review', status: 'arrived' }),
  at('done', '2026-11-23T09:30:00.000Z', { status: 'fulfilled' }),
  at('gone', '2026-11-23T10:00:00.000Z', { status: 'cancelled' }),
  at('missed', '2026-11-23T10:30:00.000Z', { status: 'noshow' }),
  at('waiting', '2026-11-23T11:00:00.000Z', { status: 'arrived' }),
];

describe("today's clinic", () => {
  it('lists every arrival but the cancelled ones, in start order', () => {
    expect(arrivalsOf(DAY).map((a) => a.id)).toEqual(['early', 'review', 'done', 'missed', 'waiting', 'late']);
  });

  it('tallies who is waiting, checked in, seen and missing', () => {
    const noon = new Date('2026-11-23T12:00:00.000Z');
    expect(tallyArrivals(arrivalsOf(DAY), noon)).toEqual({ waiting: 1, late: 0, checkedIn: 3, seen: 1, noShows: 1 });
  });

  it('counts a booked patient whose start has passed as late, not still to come', () => {
    const afterStart = new Date('2026-11-23T15:05:00.000Z');
    expect(tallyArrivals(arrivalsOf(DAY), afterStart)).toMatchObject({ waiting: 0, late: 1 });
  });

  it('lists refills to record with the patients already checked in first, then those booked', () => {
    expect(refillsToRecord(DAY).map((a) => a.id)).toEqual(['early', 'waiting', 'late']);
  });

  it('counts the refills already recorded, and leaves other kinds of visit out', () => {
    expect(recordedRefillCount(DAY)).toBe(1);
    expect(refillsToRecord(DAY).some((a) => a.type !== 'refill')).toBe(false);
  });
});
