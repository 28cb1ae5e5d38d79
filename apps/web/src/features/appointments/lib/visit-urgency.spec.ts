import { describe, expect, it } from 'vitest';
import { appointment } from '../testing/appointments.fixture';
import { isLate, pumpStateOf } from './visit-urgency';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const pump = (alarmAt: string, emptyAt: string) => appointment({ pump: { alarmAt, emptyAt, volumeNowMl: 2.4 } });

describe('pumpStateOf', () => {
  it('says an empty pump first, with the hours without drug', () => {
    expect(pumpStateOf(pump('2026-11-20T10:00:00.000Z', '2026-11-28T08:00:00.000Z'), NOW)).toEqual({
      kind: 'empty',
      since: '2026-11-28T08:00:00.000Z',
      hoursWithoutDrug: 50,
    });
  });

  it('then an alarm already passed, then the whole days to the alarm', () => {
    expect(pumpStateOf(pump('2026-11-29T10:00:00.000Z', '2026-12-09T10:00:00.000Z'), NOW)?.kind).toBe('alarm-passed');
    expect(pumpStateOf(pump('2026-12-03T09:00:00.000Z', '2026-12-13T09:00:00.000Z'), NOW)).toEqual({
      kind: 'alarm-ahead',
      at: '2026-12-03T09:00:00.000Z',
      days: 2,
      volumeNowMl: 2.4,
    });
  });

  it('has nothing to say without an active pump', () => {
    expect(pumpStateOf(appointment({ pump: null }), NOW)).toBeNull();
  });
});

describe('isLate', () => {
  it('is a booked appointment whose start has passed, not a checked-in or future one', () => {
    expect(isLate(appointment({ startsAt: '2026-11-30T09:30:00.000Z' }), NOW)).toBe(true);
    expect(isLate(appointment({ startsAt: '2026-11-30T09:30:00.000Z', status: 'arrived' }), NOW)).toBe(false);
    expect(isLate(appointment({ startsAt: '2026-11-30T10:30:00.000Z' }), NOW)).toBe(false);
  });
});
