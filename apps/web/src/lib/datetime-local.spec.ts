import { describe, expect, it } from 'vitest';
import { dateTimeLocalToIso, isoToDateTimeLocal } from './datetime-local';

describe('datetime-local conversion on the clinic clock', () => {
  it("reads the input as the clinic's wall-clock time, whatever the computer's zone, and answers UTC", () => {
    expect(dateTimeLocalToIso('2026-03-05T14:30', 'Europe/London')).toBe('2026-03-05T14:30:00.000Z');
    expect(dateTimeLocalToIso('2026-07-05T14:30', 'Europe/London')).toBe('2026-07-05T13:30:00.000Z');
    expect(dateTimeLocalToIso('2026-03-05T14:30', 'America/New_York')).toBe('2026-03-05T19:30:00.000Z');
  });

  it('shows an instant on the clinic clock, and round-trips what the input shows', () => {
    expect(isoToDateTimeLocal('2026-11-23T23:30:00.000Z', 'Pacific/Auckland')).toBe('2026-11-24T12:30');
    const typed = '2026-11-23T08:05';
    expect(isoToDateTimeLocal(dateTimeLocalToIso(typed, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(typed);
  });

  it('gives nothing for an incomplete or empty input', () => {
    expect(dateTimeLocalToIso('', 'Europe/London')).toBeUndefined();
    expect(dateTimeLocalToIso('2026-03-05', 'Europe/London')).toBeUndefined();
    expect(isoToDateTimeLocal('', 'Europe/London')).toBe('');
    expect(isoToDateTimeLocal('not a date', 'Europe/London')).toBe('');
  });
});
