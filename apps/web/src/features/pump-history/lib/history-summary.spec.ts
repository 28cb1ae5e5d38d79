import { describe, expect, it } from 'vitest';
import { reservoirHistoryFixture } from '../testing/reservoir-history.fixture';
import { doseSummary, reservoirSummary } from './history-summary';

describe('reservoirSummary', () => {
  it('reads out the fills, the volume now, the alarm and empty dates and the last refill, with units', () => {
    expect(reservoirSummary(reservoirHistoryFixture(), 'Europe/London')).toBe(
      'Reservoir volume since 2 Mar 2026: 2 fills. Now 13.2 mL of 20 mL. ' +
        'Alarm at 2 mL on 24 May 2026; projected empty on 28 May 2026. ' +
        'Last refill 21 Apr 2026: 7.5 mL found, 8.2 mL expected (-0.7 mL).',
    );
  });

  it('says so when there is nothing to show', () => {
    expect(reservoirSummary(reservoirHistoryFixture({ fillPoints: [], volumeLine: [] }), 'UTC')).toBe(
      'Reservoir volume: no fills recorded.',
    );
  });
});

describe('doseSummary', () => {
  it('reads out the dose now, the range since the first fill and each concentration change', () => {
    expect(doseSummary(reservoirHistoryFixture(), 'Europe/London')).toBe(
      'Daily dose now 480 mcg/day at 1,000 mcg/mL. Since 2 Mar 2026: 1 dose change, between 400 and 480 mcg/day. ' +
        'Concentration changed on 21 Apr 2026 from 2,000 mcg/mL to 1,000 mcg/mL.',
    );
  });
});
