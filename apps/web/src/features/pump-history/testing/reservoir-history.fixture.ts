import type { ReservoirHistoryResponse } from '@itb/contracts';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
/** An instant `days` after the first fill, as the API writes it. */
export const dayAt = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

export const FIRST_FILL_ID = '5f0d0000-0000-4000-8000-000000000001';
export const REFILL_ID = '5f0d0000-0000-4000-8000-000000000002';
export const HISTORY_PUMP_ID = 'cb894dbe-4a42-4773-ade7-ff25ad3905c6';

/*
 * The API integration test's case (apps/api/test/reservoir-history.int-spec.ts): the worked example
 * (20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day) filled 2 Mar 2026; raised to 480 mcg/day on day
 * 30; a 1 mL bolus on day 40; refilled on day 50 (21 Apr) with 18 mL of 1000 mcg/mL, 7.5 mL found
 * where 8.2 mL was expected; now is day 60 (1 May), 13.2 mL left, empty on day 87.5.
 */
export function reservoirHistoryFixture(overrides: Partial<ReservoirHistoryResponse> = {}): ReservoirHistoryResponse {
  return {
    pumpId: HISTORY_PUMP_ID,
    implantedOn: '2026-03-02',
    reservoirMl: 20,
    alarmMl: 2,
    asOf: dayAt(60),
    volumeLine: [
      {
        fillId: FIRST_FILL_ID,
        points: [
          { at: dayAt(0), volumeMl: 20 },
          { at: dayAt(30), volumeMl: 14 },
          { at: dayAt(40), volumeMl: 11.6 },
          { at: dayAt(40), volumeMl: 10.6 },
          { at: dayAt(50), volumeMl: 8.2 },
        ],
      },
      {
        fillId: REFILL_ID,
        points: [
          { at: dayAt(50), volumeMl: 18 },
          { at: dayAt(60), volumeMl: 13.2 },
        ],
      },
    ],
    fillPoints: [
      {
        fillId: FIRST_FILL_ID,
        at: dayAt(0),
        isInitial: true,
        residualWithdrawnMl: null,
        expectedResidualMl: null,
        discrepancyMl: null,
        deliveryErrorPct: null,
        isDiscrepant: false,
        volumeAfterMl: 20,
      },
      {
        fillId: REFILL_ID,
        at: dayAt(50),
        isInitial: false,
        residualWithdrawnMl: 7.5,
        expectedResidualMl: 8.2,
        discrepancyMl: -0.7,
        deliveryErrorPct: 5.9,
        isDiscrepant: false,
        volumeAfterMl: 18,
      },
    ],
    projected: {
      points: [
        { at: dayAt(60), volumeMl: 13.2 },
        { at: dayAt(87.5), volumeMl: 0 },
      ],
      alarmAt: '2026-05-24T17:00:00.000Z',
      emptyAt: '2026-05-28T21:00:00.000Z',
    },
    doseSteps: [
      {
        from: dayAt(0),
        kind: 'fill',
        dailyDoseMcg: 400,
        bolusAllowanceMcgPerDay: null,
        concentrationMcgPerMl: 2000,
        isConcentrationChange: false,
        dailyVolumeMl: 0.2,
      },
      {
        from: dayAt(30),
        kind: 'dose_change',
        dailyDoseMcg: 480,
        bolusAllowanceMcgPerDay: null,
        concentrationMcgPerMl: 2000,
        isConcentrationChange: false,
        dailyVolumeMl: 0.24,
      },
      {
        from: dayAt(50),
        kind: 'fill',
        dailyDoseMcg: 480,
        bolusAllowanceMcgPerDay: null,
        concentrationMcgPerMl: 1000,
        isConcentrationChange: true,
        dailyVolumeMl: 0.48,
      },
    ],
    ...overrides,
  };
}
