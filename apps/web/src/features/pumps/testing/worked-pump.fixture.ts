import type {
  ClinicResponse,
  DoseAdjustmentPreview,
  DoseAdjustmentResponse,
  DoseLimitCheckResponse,
  FillPreview,
  PatientResponse,
  PumpResponse,
} from '@itb/contracts';

/*
 * A worked case recorded against the real API (Northside demo clinic, 23 Nov 2026): a SynchroMed II
 * 20 mL filled on 3 Aug 2026 with 18.5 mL of 500 mcg/mL at 85.5 mcg/day plus a 10 mcg/day bolus
 * allowance, its dose raised to 100 mcg/day on 20 Aug. The `SERVER_*` answers below are what
 * `POST /api/pumps/:id/fills/preview` and `/dose-adjustments/preview` returned for it, copied verbatim,
 * except where marked "issue 11": those numbers changed with the clinical-safety rules and were worked
 * by hand (the e2e journeys check the browser against the live server).
 */
/** Northside's schedule: Europe/London, refill 5 days before the alarm, drug stable 180 days in the pump. */
export const WORKED_CLINIC: Pick<ClinicResponse, 'timeZone' | 'refillLeadDays' | 'maxDrugDaysInPump'> = {
  timeZone: 'Europe/London',
  refillLeadDays: 5,
  maxDrugDaysInPump: 180,
};

export const SPECIALIST_ID = '4750c726-5e0e-426e-9737-712e8065c772';

export const WORKED_PUMP: PumpResponse & { currentFill: NonNullable<PumpResponse['currentFill']> } = {
  id: 'cb894dbe-4a42-4773-ade7-ff25ad3905c6',
  patientId: '9216c40d-e5cf-46bb-9608-ad38a51ca134',
  model: 'synchromed_ii_20',
  modelLabel: 'SynchroMed II 20 mL',
  serialNumber: 'W-1',
  implantedOn: '2026-08-03',
  reservoirMl: 20,
  alarmMl: 2,
  catheterTipLevel: null,
  eriDate: null,
  replacement: { dueOn: '2031-08-03', isEstimate: true },
  status: 'active',
  explantedOn: null,
  currentDailyDoseMcg: 100,
  version: 3,
  currentFill: {
    id: '0b28684d-2870-45a1-8302-cbe31cebff49',
    performedAt: '2026-08-03T09:15:00.000Z',
    reservoirVolumeAfterMl: 18.5,
    concentrationMcgPerMl: 500,
    dailyDoseMcg: 85.5,
    patientBolusMcgPerDay: 10,
    drugProduct: 'Lioresal',
    lotNumber: 'L1',
    lotExpiresOn: '2027-01-01',
    boluses: [],
    emptyAlarmAt: null,
  },
  // Issue 11: the steps a new dose is checked against (from the one in force 24 h before the last change).
  doseHistory: {
    firstFillAt: '2026-08-03T09:15:00.000Z',
    steps: [
      { at: '2026-08-03T09:15:00.000Z', dailyDoseMcg: 85.5 },
      { at: '2026-08-20T14:40:00.000Z', dailyDoseMcg: 100 },
    ],
  },
  projection: {
    volumeNowMl: 0,
    dailyVolumeMl: 0.22,
    alarmAt: '2026-10-19T15:44:45.000Z',
    emptyAt: '2026-10-28T17:55:39.545Z',
    refillBy: '2026-10-14',
    daysToAlarm: -35,
    isRefillByStabilityCapped: false,
  },
};

export const WORKED_ADJUSTMENTS: DoseAdjustmentResponse[] = [
  {
    id: '87fcec2e-32cc-445c-8f1b-05dae7ab2838',
    pumpId: WORKED_PUMP.id,
    effectiveAt: '2026-08-20T14:40:00.000Z',
    previousDailyDoseMcg: 85.5,
    newDailyDoseMcg: 100,
    reason: 'titration_up',
    orderedById: SPECIALIST_ID,
    orderedByName: 'Dr Amara Okafor',
    recordedById: '81d4bcd8-bbb1-4304-b323-be4169352095',
    recordedByName: 'Nurse Tom Hughes',
    overrideReason: null,
    notes: null,
    createdAt: '2026-11-23T09:50:00.000Z',
  },
];

export const WORKED_PATIENT: PatientResponse = {
  id: WORKED_PUMP.patientId,
  mrn: 'WORKED-1',
  givenName: 'Wanda',
  familyName: 'Worked',
  birthDate: '1970-01-01',
  status: 'active',
  diagnosis: 'ms',
  isHighRisk: false,
  sex: 'female',
  spasticityOrigin: 'spinal',
  riskFactors: [],
  cautions: [],
  interactingMedicines: [],
  ageBand: null,
  oralBaclofenBackupMgPerDay: null,
  primarySpecialistId: SPECIALIST_ID,
  primarySpecialistName: 'Dr Amara Okafor',
  phone: null,
  emergencyContact: null,
  notes: null,
  email: null,
  postalAddress: null,
  reminderChannel: 'letter',
  remindersOptedOutAt: null,
  remindersOptedOutByName: null,
  version: 1,
  createdAt: '2026-11-23T09:49:00.000Z',
  activePump: WORKED_PUMP,
};

/** A refill on 12 Sep 2026, 16:05 UTC: 9.87 mL withdrawn, 19 mL of 1,000 mcg/mL added at 110 mcg/day. */
export const WORKED_REFILL = {
  performedAt: '2026-09-12T16:05:00.000Z',
  residualWithdrawnMl: 9.87,
  volumeAddedMl: 19,
  concentrationMcgPerMl: 1000,
  dailyDoseMcg: 110,
  drugProduct: 'Lioresal',
  lotNumber: 'L2',
  lotExpiresOn: '2027-06-30',
};

/** The server's limit check of 100 → 110 mcg/day, the same in both previews below. */
const RAISE_TO_110_CHECK: DoseLimitCheckResponse = {
  previousDailyDoseMcg: 100,
  newDailyDoseMcg: 110,
  changePct: 10,
  direction: 'increase',
  limitPct: 30,
  isWithinLimit: true,
  excessPct: 0,
  limitCode: null,
  message: null,
  isAboveWarningDose: false,
  fromDailyDoseMcg: 100,
  isAgainstEarlierDose: false,
  isChild: false,
};

/** The server's preview of WORKED_REFILL. */
export const SERVER_REFILL_PREVIEW: FillPreview = {
  pumpId: 'cb894dbe-4a42-4773-ade7-ff25ad3905c6',
  isInitial: false,
  performedAt: '2026-09-12T16:05:00.000Z',
  residualWithdrawnMl: 9.87,
  volumeAddedMl: 19,
  reservoirVolumeAfterMl: 19,
  concentrationMcgPerMl: 1000,
  dailyDoseMcg: 110,
  patientBolusMcgPerDay: null,
  drugProduct: 'Lioresal',
  lotNumber: 'L2',
  lotExpiresOn: '2027-06-30',
  notes: null,
  residualFoundMl: 9.87,
  patientBolusesDeliveredMl: null,
  // Issue 11: the programme only, no bolus allowance. 3 Aug 09:15 → 20 Aug 14:40 at 85.5/500 = 0.171 mL/day
  // (17.226 d, 2.946 mL), then 100/500 = 0.2 mL/day to 12 Sep 16:05 (23.059 d, 4.612 mL): 18.5 − 7.558 = 10.94.
  // Discrepancy 9.87 − 10.94 = −1.07; delivered 8.63 against 7.56 expected: +14.2 % (under 14.5 %: tolerated).
  expectedResidualMl: 10.94,
  discrepancyMl: -1.07,
  deliveryErrorPct: 14.2,
  mixedConcentrationMcgPerMl: null,
  realDailyDoseMcg: null,
  emptySince: null,
  bridgeBolusGiven: false,
  primingBolusGiven: null,
  alarmAt: '2027-02-14T05:10:27.273Z',
  emptyAt: '2027-03-04T09:32:16.364Z',
  refillBy: '2027-02-09',
  projection: {
    volumeNowMl: 11.11,
    dailyVolumeMl: 0.11,
    alarmAt: '2027-02-14T05:10:27.273Z',
    emptyAt: '2027-03-04T09:32:16.364Z',
    refillBy: '2027-02-09',
    daysToAlarm: 82,
    isRefillByStabilityCapped: false,
  },
  doseCheck: RAISE_TO_110_CHECK,
  checks: {
    leftInReservoirMl: 0,
    isConcentrationChange: true,
    withoutDrug: null,
    shortInterval: null,
    isAtOrBelowAlarm: false,
    recentFill: null,
    needs: { bridgeBolusAnswer: true, primingBolusAnswer: false, shortIntervalConfirmation: false },
  },
  warnings: [],
};

/** The server's preview of WORKED_REFILL with 8.5 mL withdrawn and a 20 mcg/day bolus allowance. */
export const SERVER_DISCREPANT_REFILL_PREVIEW = {
  // Issue 11 (by hand): 8.5 − 10.94 = −2.44 mL; delivered 10.0 against 7.56 expected: +32.3 %.
  expectedResidualMl: 10.94,
  discrepancyMl: -2.44,
  deliveryErrorPct: 32.3,
  alarmAt: '2027-01-21T10:32:41.538Z',
  emptyAt: '2027-02-05T19:46:32.308Z',
  refillBy: '2027-01-16',
  warning: 'Residual discrepancy -2.44 mL (32.3 %): less residual than expected: possible over-infusion. Investigate.',
};

/**
 * The server's answer to raising the dose to 112 mcg/day on 21 Aug 10:00, under 24 h after the raise to 100
 * (issue 11 wording: it names the earlier dose of the window it is measured from).
 */
export const SERVER_DAY_BEFORE_LIMIT_MESSAGE =
  'Increase of 31.0 % from 85.5 mcg/day (the lowest dose in force in the 24 h before) exceeds the 30 % limit for spinal-origin spasticity by 1.0 %';

/** The server's preview of the 20 Aug raise from 85.5 to 100 mcg/day, made before it was recorded. */
export const SERVER_DOSE_PREVIEW_BEFORE_RAISE = {
  projectionBefore: {
    alarmAt: '2026-10-28T18:32:54.346Z',
    emptyAt: '2026-11-08T05:51:26.387Z',
    refillBy: '2026-10-23',
  },
  projection: { alarmAt: '2026-10-19T15:44:45.000Z', emptyAt: '2026-10-28T17:55:39.545Z', refillBy: '2026-10-14' },
};

/** The server's preview of raising the dose from 100 to 110 mcg/day at 10:00 UTC on 23 Nov 2026. */
export const SERVER_DOSE_PREVIEW: DoseAdjustmentPreview = {
  previousDailyDoseMcg: 100,
  newDailyDoseMcg: 110,
  doseCheck: RAISE_TO_110_CHECK,
  projectionBefore: {
    volumeNowMl: 0,
    dailyVolumeMl: 0.22,
    alarmAt: '2026-10-19T15:44:45.000Z',
    emptyAt: '2026-10-28T17:55:39.545Z',
    refillBy: '2026-10-14',
    daysToAlarm: -35,
    isRefillByStabilityCapped: false,
  },
  projection: {
    volumeNowMl: 0,
    dailyVolumeMl: 0.24,
    alarmAt: '2026-10-19T15:44:45.000Z',
    emptyAt: '2026-10-28T17:55:39.545Z',
    refillBy: '2026-10-14',
    daysToAlarm: -35,
    isRefillByStabilityCapped: false,
  },
  warnings: [],
};
