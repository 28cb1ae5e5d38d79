import { describe, expect, it } from 'vitest';
import { formatMedianDays, formatMonth, formatPct, formatRate, formatRatePctFirst } from './report-format';

describe('report formats', () => {
  it('writes a percentage to one decimal with its unit, and a dash over nothing', () => {
    expect(formatPct(82)).toBe('82.0 %');
    expect(formatPct(66.7)).toBe('66.7 %');
    expect(formatPct(0)).toBe('0.0 %');
    expect(formatPct(null)).toBe('—');
  });

  it('never writes a rate without its numerator and denominator', () => {
    // 41 / 50 = 0.82
    expect(formatRate({ numerator: 41, denominator: 50, pct: 82 })).toBe('41 of 50 (82.0 %)');
    expect(formatRatePctFirst({ numerator: 41, denominator: 50, pct: 82 })).toBe('82.0 % (41 of 50)');
    expect(formatRate({ numerator: 0, denominator: 0, pct: null })).toBe('0 of 0 (—)');
    expect(formatRate({ numerator: 1200, denominator: 1500, pct: 80 })).toBe('1,200 of 1,500 (80.0 %)');
  });

  it('names months the way the dashboard writes dates', () => {
    expect(formatMonth('2026-01')).toBe('Jan 2026');
    expect(formatMonth('2025-12')).toBe('Dec 2025');
  });

  it('says on which side of the alarm the median refill fell', () => {
    expect(formatMedianDays(11)).toBe('11 days before the alarm');
    expect(formatMedianDays(1)).toBe('1 day before the alarm');
    expect(formatMedianDays(-2.5)).toBe('2.5 days after the alarm');
    expect(formatMedianDays(null)).toBe('—');
  });
});
