import { describe, expect, it } from 'vitest';
import { FILL_AT, plusDays, SYNCHROMED_ALARM_ML, workedFill } from './reservoir.cases.js';
import { type HistoryFill, reservoirHistory, type VolumePoint } from './reservoir-history.js';

/* The worked example: 20 mL of 2000 mcg/mL at 400 mcg/day drains 0.2 mL/day; empty on day 100. */
const day = (n: number) => plusDays(FILL_AT, n);
const line = (points: VolumePoint[]) => points.map((p) => [p.at.toISOString(), p.volumeMl]);
const pt = (n: number, volumeMl: number) => [day(n).toISOString(), volumeMl];
const historyOf = (fills: HistoryFill[], now: Date, endedAt: Date | null = null) =>
  reservoirHistory({ fills, alarmMl: SYNCHROMED_ALARM_ML, now, endedAt });
const first = (drain: Partial<HistoryFill['drain']> = {}): HistoryFill => ({
  id: 'fill-1',
  residualWithdrawnMl: null,
  drain: { fill: workedFill(), ...drain },
});

describe('reservoirHistory at the edges', () => {
  it('draws no bend or step for a dose change or bolus at the fill instant, and no dose step for it', () => {
    const history = historyOf(
      [
        first({
          doseChanges: [{ effectiveAt: day(0), newDailyDoseMcg: 800 }],
          boluses: [{ at: day(0), volumeMl: 1 }],
        }),
      ],
      day(10),
    );
    // 20 − 10 × 0.2 = 18.
    expect(line(history.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(10, 18)]);
    expect(history.doseSteps.map((s) => [s.kind, s.dailyDoseMcg])).toEqual([['fill', 400]]);
  });

  it('orders the points in time whatever order the changes came in, down to 0 and along it', () => {
    // A 1 mL bolus on day 10 (18 → 17), empty when 17 mL more are gone at 0.2 mL/day: day 95; a dose
    // change on day 98 (after empty) and one on day 5 (to the same 400: no bend), listed out of order.
    const history = historyOf(
      [
        first({
          doseChanges: [
            { effectiveAt: day(98), newDailyDoseMcg: 200 },
            { effectiveAt: day(5), newDailyDoseMcg: 400 },
          ],
          boluses: [{ at: day(10), volumeMl: 1 }],
        }),
      ],
      day(99),
    );
    expect(line(history.volumeLine[0]!.points)).toEqual([
      pt(0, 20),
      pt(5, 19),
      pt(10, 18),
      pt(10, 17),
      pt(95, 0),
      pt(98, 0),
      pt(99, 0),
    ]);
    expect(history.doseSteps.map((s) => [s.from.toISOString(), s.dailyDoseMcg])).toEqual([
      [day(0).toISOString(), 400],
      [day(5).toISOString(), 400],
      [day(98).toISOString(), 200],
    ]);
  });

  it('drops the line at a bolus given just as the refill began, from before it to after it', () => {
    // 0.5 mL on day 20 and 1 mL on day 50, the refill's instant: 20 − 10 − 0.5 = 9.5 before, 8.5 after.
    const refill: HistoryFill = {
      id: 'fill-2',
      residualWithdrawnMl: 8.5,
      drain: { fill: workedFill({ performedAt: day(50) }) },
    };
    const history = historyOf(
      [
        first({
          boluses: [
            { at: day(20), volumeMl: 0.5 },
            { at: day(50), volumeMl: 1 },
          ],
        }),
        refill,
      ],
      day(50),
    );
    expect(line(history.volumeLine[0]!.points)).toEqual([
      pt(0, 20),
      pt(20, 16),
      pt(20, 15.5),
      pt(50, 9.5),
      pt(50, 8.5),
    ]);
  });

  it('is one point when the line starts and ends at the same instant', () => {
    expect(line(historyOf([first()], day(0)).volumeLine[0]!.points)).toEqual([pt(0, 20)]);
  });

  it('marks the fill step of a refill that changed concentration, and no dose-change step', () => {
    const refill = (concentrationMcgPerMl: number): HistoryFill => ({
      id: 'fill-2',
      residualWithdrawnMl: 10,
      drain: {
        fill: workedFill({ performedAt: day(50), concentrationMcgPerMl }),
        doseChanges: [{ effectiveAt: day(55), newDailyDoseMcg: 440 }],
      },
    });
    const changed = historyOf([first(), refill(1000)], day(60)).doseSteps;
    expect(changed.map((s) => [s.kind, s.isConcentrationChange])).toEqual([
      ['fill', false],
      ['fill', true],
      ['dose_change', false],
    ]);
    const same = historyOf([first(), refill(2000)], day(60)).doseSteps;
    expect(same.map((s) => s.isConcentrationChange)).toEqual([false, false, false]);
  });

  it('projects from the fill when now is before it, and nothing once it is empty', () => {
    const early = historyOf([first()], day(-1)).projected!;
    expect(line(early.points)[0]).toEqual(pt(0, 20));
    expect(historyOf([first()], day(100)).projected!.points).toEqual([]);
  });

  it('ends an explanted pump at now when the explant instant is later', () => {
    const history = historyOf([first()], day(10), day(12));
    expect(line(history.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(10, 18)]);
    expect(history.projected).toBeNull();
  });
});
