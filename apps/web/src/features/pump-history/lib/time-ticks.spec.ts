import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks';

const ms = (iso: string) => Date.parse(iso);
const iso = (value: number) => new Date(value).toISOString();

describe('timeTicks', () => {
  it("puts month ticks at the clinic's midnight, BST after the clocks change", () => {
    const ticks = timeTicks(ms('2026-03-02T09:00:00Z'), ms('2026-06-01T00:00:00Z'), 'Europe/London', 8);
    // 1 Apr and 1 May are in BST (UTC+1): local midnight is 23:00 UTC the day before.
    expect(ticks.map((t) => [iso(t.ms), t.label])).toEqual([
      ['2026-03-31T23:00:00.000Z', 'Apr 2026'],
      ['2026-04-30T23:00:00.000Z', 'May'],
      ['2026-05-31T23:00:00.000Z', 'Jun'],
    ]);
  });

  it('takes the month from the clinic, not from UTC, near midnight', () => {
    // 31 Jan 2026 23:30 in Chicago is 1 Feb 05:30 UTC: the first tick is 1 Feb at Chicago midnight, 06:00 UTC.
    const [first] = timeTicks(ms('2026-02-01T05:30:00Z'), ms('2026-06-01T00:00:00Z'), 'America/Chicago', 8);
    expect(first && [iso(first.ms), first.label]).toEqual(['2026-02-01T06:00:00.000Z', 'Feb 2026']);
  });

  it('spaces month ticks out to stay within the maximum and names each new year', () => {
    const ticks = timeTicks(ms('2025-01-15T00:00:00Z'), ms('2027-01-15T00:00:00Z'), 'UTC', 5);
    expect(ticks.map((t) => t.label)).toEqual(['Jul 2025', 'Jan 2026', 'Jul', 'Jan 2027']);
  });

  it('uses weekly day ticks for a span of weeks', () => {
    const ticks = timeTicks(ms('2026-03-02T09:00:00Z'), ms('2026-03-30T09:00:00Z'), 'UTC', 6);
    expect(ticks.map((t) => t.label)).toEqual(['3 Mar', '10 Mar', '17 Mar', '24 Mar']);
  });

  it('gives no ticks for an empty span', () => {
    expect(timeTicks(ms('2026-03-02T09:00:00Z'), ms('2026-03-02T09:00:00Z'), 'UTC', 6)).toEqual([]);
  });
});
