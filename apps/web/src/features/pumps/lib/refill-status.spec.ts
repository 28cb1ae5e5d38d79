import { describe, expect, it } from 'vitest';
import { refillStatus, reservoirPercent } from './refill-status';

describe('refillStatus', () => {
  const today = '2026-11-23';

  it('is overdue once the clinic today is past the refill-by date', () => {
    expect(refillStatus('2026-11-22', today, 14)).toEqual({ urgency: 'overdue', daysLeft: -1 });
  });

  it('is due soon from the refill-by date itself to the end of the window', () => {
    expect(refillStatus('2026-11-23', today, 14)).toEqual({ urgency: 'due_soon', daysLeft: 0 });
    expect(refillStatus('2026-12-07', today, 14)).toEqual({ urgency: 'due_soon', daysLeft: 14 });
  });

  it('is ok beyond the window', () => {
    expect(refillStatus('2026-12-08', today, 14)).toEqual({ urgency: 'ok', daysLeft: 15 });
  });
});

describe('reservoirPercent', () => {
  it('is the filled share of the reservoir, kept within 0–100', () => {
    expect(reservoirPercent(5, 20)).toBe(25);
    expect(reservoirPercent(-1, 20)).toBe(0);
    expect(reservoirPercent(25, 20)).toBe(100);
  });
});
