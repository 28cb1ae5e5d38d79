import { describe, expect, it } from 'vitest';
import { FILL_AT, plusDays, SYNCHROMED_ALARM_ML, workedFill } from './reservoir.cases.js';
import { type HistoryFill, reservoirHistory, type VolumePoint } from './reservoir-history.js';

const day = (n: number) => plusDays(FILL_AT, n);
const line = (points: VolumePoint[]) => points.map((p) => [p.at.toISOString(), p.volumeMl]);
const pt = (n: number, volumeMl: number) => [day(n).toISOString(), volumeMl];

/*
 * The worked example (20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day) filled on day 0; the dose
 * raised to 600 mcg/day (0.3 mL/day) on day 30; a 1 mL bolus on day 40; refilled on day 50 with
 * 18 mL of 1000 mcg/mL at 600 mcg/day (0.6 mL/day), 5 mL withdrawn.
 */
const firstFill: HistoryFill = {
  id: 'fill-1',
  residualWithdrawnMl: null,
  drain: {
    fill: workedFill(),
    doseChanges: [{ effectiveAt: day(30), newDailyDoseMcg: 600 }],
    boluses: [{ at: day(40), volumeMl: 1 }],
  },
};
const refill: HistoryFill = {
  id: 'fill-2',
  residualWithdrawnMl: 5,
  drain: {
    fill: workedFill({
      performedAt: day(50),
      reservoirVolumeAfterMl: 18,
      concentrationMcgPerMl: 1000,
      dailyDoseMcg: 600,
    }),
  },
};
const history = reservoirHistory({ fills: [firstFill, refill], alarmMl: SYNCHROMED_ALARM_ML, now: day(60) });

describe('reservoirHistory', () => {
  it('draws each fill down through its dose change and bolus to the expected residual at the refill', () => {
    // 20 − 30 × 0.2 = 14 on day 30; 14 − 10 × 0.3 = 11 before the bolus, 10 after; 10 − 10 × 0.3 = 7 on day 50.
    expect(history.volumeLine[0]?.fillId).toBe('fill-1');
    expect(line(history.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(30, 14), pt(40, 11), pt(40, 10), pt(50, 7)]);
    // The current fill from 18 mL at 0.6 mL/day: 18 − 10 × 0.6 = 12 now (day 60).
    expect(line(history.volumeLine[1]!.points)).toEqual([pt(50, 18), pt(60, 12)]);
  });

  it('puts each fill as a point with the residual found, the residual expected and the volume after', () => {
    // Expected 7, withdrawn 5: −2 mL; delivered 15 against 13 expected → +15.4 %, past 14.5 % and 1 mL.
    expect(history.fillPoints).toEqual([
      {
        fillId: 'fill-1',
        at: day(0),
        isInitial: true,
        residualWithdrawnMl: null,
        expectedResidualMl: null,
        discrepancyMl: null,
        deliveryErrorPct: null,
        isDiscrepant: false,
        volumeAfterMl: 20,
      },
      {
        fillId: 'fill-2',
        at: day(50),
        isInitial: false,
        residualWithdrawnMl: 5,
        expectedResidualMl: 7,
        discrepancyMl: -2,
        deliveryErrorPct: 15.4,
        isDiscrepant: true,
        volumeAfterMl: 18,
      },
    ]);
  });

  it('projects the current fill from now to empty, with its alarm instant', () => {
    // From 12 mL at 0.6 mL/day: empty 20 days on (day 80); alarm at 2 mL, (18 − 2) / 0.6 = 26 ⅔ days after the refill.
    expect(line(history.projected!.points)).toEqual([pt(60, 12), pt(80, 0)]);
    expect(history.projected!.emptyAt).toEqual(day(80));
    expect(history.projected!.alarmAt).toEqual(new Date(day(76).getTime() + 16 * 3_600_000));
  });

  it('steps the daily dose at each fill and dose change, marking a new concentration', () => {
    expect(
      history.doseSteps.map((s) => [
        s.from.toISOString(),
        s.kind,
        s.dailyDoseMcg,
        s.concentrationMcgPerMl,
        s.isConcentrationChange,
        s.dailyVolumeMl,
      ]),
    ).toEqual([
      [day(0).toISOString(), 'fill', 400, 2000, false, 0.2],
      [day(30).toISOString(), 'dose_change', 600, 2000, false, 0.3],
      [day(50).toISOString(), 'fill', 600, 1000, true, 0.6],
    ]);
  });

  it('counts the full bolus allowance in the daily volume of a step', () => {
    // 400 + 100 = 500 mcg/day / 2000 = 0.25 mL/day.
    const withAllowance: HistoryFill = {
      id: 'fill-1',
      residualWithdrawnMl: null,
      drain: { fill: workedFill({ patientBolusMcgPerDay: 100 }) },
    };
    const [step] = reservoirHistory({ fills: [withAllowance], alarmMl: 2, now: day(1) }).doseSteps;
    expect(step).toMatchObject({ dailyDoseMcg: 400, bolusAllowanceMcgPerDay: 100, dailyVolumeMl: 0.25 });
  });

  it('shows a reservoir that ran dry before the refill flat at 0 from its empty instant', () => {
    // 20 mL at 0.2 mL/day is empty on day 100; refilled on day 110 with 0 mL found, as expected.
    const late: HistoryFill = {
      id: 'fill-2',
      residualWithdrawnMl: 0,
      drain: { fill: workedFill({ performedAt: day(110) }) },
    };
    const dry = reservoirHistory({
      fills: [{ id: 'fill-1', residualWithdrawnMl: null, drain: { fill: workedFill() } }, late],
      alarmMl: 2,
      now: day(111),
    });
    expect(line(dry.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(100, 0), pt(110, 0)]);
    expect(dry.fillPoints[1]).toMatchObject({ expectedResidualMl: 0, discrepancyMl: 0, isDiscrepant: false });
  });

  it('projects nothing once the current fill has run empty, and the line stays at 0 until now', () => {
    const empty = reservoirHistory({ fills: [firstFill], alarmMl: 2, now: day(90) });
    // Day 40 after the bolus: 10 mL at 0.3 mL/day → empty on day 73 ⅓ (73 d 8 h).
    const emptyAt = new Date(day(73).getTime() + 8 * 3_600_000);
    expect(empty.projected).toMatchObject({ points: [], emptyAt });
    expect(line(empty.volumeLine[0]!.points).slice(-2)).toEqual([[emptyAt.toISOString(), 0], pt(90, 0)]);
  });

  it('stops an explanted pump at its explant and projects nothing', () => {
    const explanted = reservoirHistory({ fills: [firstFill], alarmMl: 2, now: day(90), endedAt: day(20) });
    expect(explanted.projected).toBeNull();
    expect(line(explanted.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(20, 16)]);
  });

  it('drops the line at a bolus given just as the refill began', () => {
    // Bolus of 1 mL at the refill instant (day 50): 20 − 50 × 0.2 = 10 before it, 9 after — the expected residual.
    const atRefill: HistoryFill = {
      id: 'fill-1',
      residualWithdrawnMl: null,
      drain: { fill: workedFill(), boluses: [{ at: day(50), volumeMl: 1 }] },
    };
    const next: HistoryFill = { ...refill, residualWithdrawnMl: 9 };
    const result = reservoirHistory({ fills: [atRefill, next], alarmMl: 2, now: day(60) });
    expect(line(result.volumeLine[0]!.points)).toEqual([pt(0, 20), pt(50, 10), pt(50, 9)]);
    expect(result.fillPoints[1]).toMatchObject({ expectedResidualMl: 9, discrepancyMl: 0 });
  });

  it('is empty for a pump without fills', () => {
    expect(reservoirHistory({ fills: [], alarmMl: 2, now: day(0) })).toEqual({
      volumeLine: [],
      fillPoints: [],
      projected: null,
      doseSteps: [],
    });
  });
});
