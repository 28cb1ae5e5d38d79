import { describe, expect, it } from 'vitest';
import { ageBandOn, ageInYearsOn, isChildOn } from './age-bands.js';

describe('age bands from the birth date', () => {
  it.each([
    // birth date, on date, whole years (worked: year difference, minus one before the birthday)
    ['2008-12-01', '2026-11-30', 17], // 2026 − 2008 = 18, birthday tomorrow → 17
    ['2008-11-30', '2026-11-30', 18], // birthday today → 18
    ['1961-06-15', '2026-06-14', 64], // 65 tomorrow
    ['1961-06-15', '2026-06-15', 65],
    ['2008-02-29', '2026-02-28', 17], // no 29 Feb in 2026: still 17 on the 28th
    ['2008-02-29', '2026-03-01', 18], // … and 18 on 1 March
  ])('born %s is %i on %s', (birth, on, years) => {
    expect(ageInYearsOn(birth, on)).toBe(years);
  });

  it('derives child under 18, over 65 from the 65th birthday, and no band between', () => {
    expect(ageBandOn('2008-12-01', '2026-11-30')).toBe('child');
    expect(isChildOn('2008-12-01', '2026-11-30')).toBe(true);
    expect(ageBandOn('2008-11-30', '2026-11-30')).toBeNull();
    expect(isChildOn('2008-11-30', '2026-11-30')).toBe(false);
    expect(ageBandOn('1961-06-15', '2026-06-14')).toBeNull();
    expect(ageBandOn('1961-06-15', '2026-06-15')).toBe('age_over_65');
  });
});
