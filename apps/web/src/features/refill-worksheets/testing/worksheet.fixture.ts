import type { FillWorksheet, RefillWorksheet } from '@itb/contracts';

const patient = {
  id: '3c2d1e0f-0000-4000-8000-000000000042',
  name: 'Anna Smith',
  mrn: 'MRN-10042',
  birthDate: '1958-03-05',
};
const pump = {
  id: '3c2d1e0f-0000-4000-8000-0000000000aa',
  modelLabel: 'SynchroMed II 20 mL',
  serialNumber: 'NGP204518H',
  reservoirMl: 20,
  alarmMl: 2,
  catheterTipLevel: 'T10',
};

/**
 * The plan for DESIGN.md's worked example 30 days after its fill (20 mL of 2000 mcg/mL at 400 mcg/day):
 * 14 mL expected, 20 mL to fill; refilled on 1 Oct 10:00Z, alarm 90 days on.
 */
export function refillWorksheet(overrides: Partial<RefillWorksheet> = {}): RefillWorksheet {
  return {
    patient,
    pump,
    clinicName: 'Northside ITB Clinic',
    timeZone: 'Europe/London',
    preparedAt: '2026-10-01T10:00:00.000Z',
    current: {
      fillId: '3c2d1e0f-0000-4000-8000-0000000000f1',
      filledAt: '2026-09-01T10:00:00.000Z',
      reservoirVolumeAfterMl: 20,
      drugProduct: 'Lioresal Intrathecal',
      concentrationMcgPerMl: 2000,
      lotNumber: 'LOT123',
      programmedDailyDoseMcg: 400,
      programmedDailyVolumeMl: 0.2,
      patientBolusMcgPerDay: null,
      alarmAt: '2026-11-30T10:00:00.000Z',
      refillBy: '2026-11-25',
    },
    expectedResidualMl: 14,
    plannedVolumeMl: 20,
    settings: {
      reservoirVolumeMl: 20,
      drugProduct: 'Lioresal Intrathecal',
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      mode: 'simple',
      patientBolusMcgPerDay: null,
      lowReservoirAlarmMl: 2,
    },
    afterRefill: {
      volumeNowMl: 20,
      dailyVolumeMl: 0.2,
      alarmAt: '2026-12-30T10:00:00.000Z',
      emptyAt: '2027-01-09T10:00:00.000Z',
      refillBy: '2026-12-25',
      daysToAlarm: 90,
      isRefillByStabilityCapped: false,
    },
    ...overrides,
  };
}

/** A refill that found 1.5 mL less than expected (25 % over-delivery) and raised the dose to 500 mcg/day. */
export function fillWorksheet(overrides: Partial<FillWorksheet> = {}): FillWorksheet {
  return {
    patient,
    pump,
    clinicName: 'Northside ITB Clinic',
    timeZone: 'Europe/London',
    fillId: '3c2d1e0f-0000-4000-8000-0000000000f2',
    performedAt: '2026-10-01T09:30:00.000Z',
    found: {
      expectedResidualMl: 14,
      residualWithdrawnMl: 12.5,
      leftInReservoirMl: 0,
      residualFoundMl: 12.5,
      patientBolusesDeliveredMl: null,
      discrepancyMl: -1.5,
      deliveryErrorPct: 25,
      isDiscrepant: true,
      emptySince: null,
    },
    previous: { concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
    done: {
      volumeAddedMl: 20,
      reservoirVolumeAfterMl: 20,
      drugProduct: 'Lioresal Intrathecal',
      concentrationMcgPerMl: 2000,
      lotNumber: 'LOT-777',
      lotExpiresOn: '2027-06-30',
      dailyDoseMcg: 500,
      mode: 'simple',
      patientBolusMcgPerDay: null,
      mixedConcentrationMcgPerMl: null,
      realDailyDoseMcg: null,
      bridgeBolusGiven: null,
      primingBolusGiven: null,
      notes: 'Pocket checked.\nNo swelling.',
    },
    result: { alarmAt: '2026-12-12T09:30:00.000Z', emptyAt: '2026-12-20T09:30:00.000Z', refillBy: '2026-12-07' },
    signedBy: { name: 'Tom Hughes', role: 'nurse', recordedAt: '2026-10-01T09:42:00.000Z' },
    ...overrides,
  };
}
