import { describe, expect, it } from 'vitest';
import { dateTimeLocalToIso, isoToDateTimeLocal } from './datetime-local';

describe('datetime-local conversion', () => {
  it('reads the input as wall-clock time in the browser zone and answers UTC', () => {
    const iso = dateTimeLocalToIso('2026-03-05T14:30');
    expect(iso).toBe(new Date(2026, 2, 5, 14, 30).toISOString());
    expect(iso).toMatch(/Z$/);
  });

  it('round-trips a value the input shows', () => {
    expect(isoToDateTimeLocal(dateTimeLocalToIso('2026-11-23T08:05'))).toBe('2026-11-23T08:05');
  });

  it('gives nothing for an incomplete or empty input', () => {
    expect(dateTimeLocalToIso('')).toBeUndefined();
    expect(dateTimeLocalToIso('2026-03-05')).toBeUndefined();
    expect(isoToDateTimeLocal('')).toBe('');
    expect(isoToDateTimeLocal('not a date')).toBe('');
  });
});
