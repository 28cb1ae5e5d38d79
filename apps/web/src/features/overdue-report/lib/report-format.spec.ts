import { describe, expect, it } from 'vitest';
import { formatMonth, formatRatePct, lateBeforeAlarm } from './report-format';

describe('report formats', () => {
  it('writes rates with one decimal at most and their unit', () => {
    expect(formatRatePct(94)).toBe('94%');
    expect(formatRatePct(83.3)).toBe('83.3%');
    expect(formatRatePct(0)).toBe('0%');
    expect(formatRatePct(null)).toBe('—');
  });

  it('names months the way the dashboard writes dates', () => {
    expect(formatMonth('2026-01')).toBe('Jan 2026');
    expect(formatMonth('2025-12')).toBe('Dec 2025');
  });

  it('counts late refills before the alarm without counting after-alarm ones twice', () => {
    expect(lateBeforeAlarm({ afterRefillBy: 9, afterAlarm: 4 })).toBe(5);
    expect(lateBeforeAlarm({ afterRefillBy: 2, afterAlarm: 2 })).toBe(0);
  });
});
