import { describe, expect, it } from '@jest/globals';
import { pumpIdRanges } from './risk-state.query.js';

/** The scheduled pass reads pump ids in ranges side by side: together they hold every id, each once. */
describe('pumpIdRanges', () => {
  const inRange = (id: string, [from, to]: [string, string | null]) => id >= from && (to === null || id < to);

  it('splits the ids into halves at 8…, the last range open-ended', () => {
    expect(pumpIdRanges(2)).toEqual([
      ['00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'],
      ['80000000-0000-0000-0000-000000000000', null],
    ]);
    expect(pumpIdRanges(1)).toEqual([['00000000-0000-0000-0000-000000000000', null]]);
  });

  it('puts every id in exactly one range, the smallest and largest too', () => {
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      '55555554-ffff-4fff-bfff-ffffffffffff',
      '55555555-0000-4000-8000-000000000000',
      '7fffffff-ffff-4fff-bfff-ffffffffffff',
      '80000000-0000-4000-8000-000000000000',
      'aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    for (const parts of [1, 2, 3, 7]) {
      const ranges = pumpIdRanges(parts);
      expect(ranges).toHaveLength(parts);
      for (const id of ids) expect(ranges.filter((r) => inRange(id, r))).toHaveLength(1);
      // Contiguous and increasing: each range starts where the one before it ends.
      ranges.slice(1).forEach(([from], i) => expect(from).toBe(ranges[i]![1]));
    }
  });
});
