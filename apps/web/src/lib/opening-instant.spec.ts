import { describe, expect, it } from 'vitest';
import { openingInstant } from './opening-instant';

describe('openingInstant', () => {
  const now = new Date('2026-12-01T07:09:40.250Z');

  it('opens at the current minute, as the field shows it', () => {
    expect(openingInstant(now, new Date('2026-11-30T10:00:00.000Z')).toISOString()).toBe('2026-12-01T07:09:00.000Z');
    expect(openingInstant(now, null).toISOString()).toBe('2026-12-01T07:09:00.000Z');
  });

  it('opens at this second when the last record was made within this minute', () => {
    expect(openingInstant(now, new Date('2026-12-01T07:09:00.000Z')).toISOString()).toBe('2026-12-01T07:09:40.250Z');
    expect(openingInstant(now, new Date('2026-12-01T07:09:12.000Z')).toISOString()).toBe('2026-12-01T07:09:40.250Z');
  });
});
