import { z } from 'zod';
import { idSchema } from './common.js';
import { roleSchema } from './enums.js';
import { projectionSchema } from './pumps.js';

/**
 * The refill worksheets (issue 14 item 4): one A4 page printed before a refill (what to expect, what to
 * put in, the settings to key into the programmer, blanks to write in) and one after it (what was found
 * and done, signed by who recorded it). Every number comes from libs/domain through the API; the page
 * and the PDF only print them. Instants are ISO UTC; dates are the clinic's calendar dates.
 */

export const worksheetPatientSchema = z.object({
  id: idSchema,
  name: z.string(),
  mrn: z.string(),
  birthDate: z.string(),
});
export type WorksheetPatient = z.infer<typeof worksheetPatientSchema>;

export const worksheetPumpSchema = z.object({
  id: idSchema,
  /** The catalogue label, such as "SynchroMed II 20 mL". */
  modelLabel: z.string(),
  serialNumber: z.string(),
  reservoirMl: z.number(),
  alarmMl: z.number(),
  catheterTipLevel: z.string().nullable(),
});
export type WorksheetPump = z.infer<typeof worksheetPumpSchema>;

/** What to key into the pump programmer after the refill: the current programme, the reservoir full. */
export const programmerSettingsSchema = z.object({
  reservoirVolumeMl: z.number(),
  drugProduct: z.string(),
  concentrationMcgPerMl: z.number(),
  dailyDoseMcg: z.number(),
  mode: z.enum(['simple', 'flex']),
  /** The patient-activated bolus allowance, mcg/day, or null when none is set. */
  patientBolusMcgPerDay: z.number().nullable(),
  lowReservoirAlarmMl: z.number(),
});
export type ProgrammerSettings = z.infer<typeof programmerSettingsSchema>;

/** The worksheet printed before a refill, for the pump as it is now (`preparedAt`). */
export const refillWorksheetSchema = z.object({
  patient: worksheetPatientSchema,
  pump: worksheetPumpSchema,
  clinicName: z.string(),
  /** The clinic's IANA zone: every time on the sheet is on its clock. */
  timeZone: z.string(),
  preparedAt: z.string(),
  /** The fill in the reservoir now and the programme running it. */
  current: z.object({
    fillId: idSchema,
    filledAt: z.string(),
    reservoirVolumeAfterMl: z.number(),
    drugProduct: z.string(),
    concentrationMcgPerMl: z.number(),
    lotNumber: z.string(),
    /** The programmed dose in force now, mcg/day (the bolus allowance not included). */
    programmedDailyDoseMcg: z.number(),
    /** mL/day the programmed dose delivers. */
    programmedDailyVolumeMl: z.number(),
    patientBolusMcgPerDay: z.number().nullable(),
    alarmAt: z.string(),
    refillBy: z.string(),
  }),
  /** What the programme alone should have left now, mL, before patient boluses the controller reports. */
  expectedResidualMl: z.number(),
  /** Withdraw everything, then fill to the reservoir's capacity, mL. */
  plannedVolumeMl: z.number(),
  settings: programmerSettingsSchema,
  /** The pump refilled as planned, now: its new alarm, empty and refill-by. */
  afterRefill: projectionSchema,
});
export type RefillWorksheet = z.infer<typeof refillWorksheetSchema>;

/** The record printed after a refill: what was found, what was done, who recorded it. */
export const fillWorksheetSchema = z.object({
  patient: worksheetPatientSchema,
  pump: worksheetPumpSchema,
  clinicName: z.string(),
  timeZone: z.string(),
  fillId: idSchema,
  performedAt: z.string(),
  found: z.object({
    expectedResidualMl: z.number(),
    residualWithdrawnMl: z.number(),
    /** Left in the reservoir (volume after − volume added): part of what was found. */
    leftInReservoirMl: z.number(),
    residualFoundMl: z.number(),
    patientBolusesDeliveredMl: z.number().nullable(),
    discrepancyMl: z.number(),
    deliveryErrorPct: z.number().nullable(),
    /** Beyond both thresholds (DESIGN.md "RESIDUAL_DISCREPANCY"): to investigate. */
    isDiscrepant: z.boolean(),
    /** The pump was found dry: empty since this instant. */
    emptySince: z.string().nullable(),
  }),
  /** The programme before the refill. */
  previous: z.object({ concentrationMcgPerMl: z.number(), dailyDoseMcg: z.number() }),
  done: z.object({
    volumeAddedMl: z.number(),
    reservoirVolumeAfterMl: z.number(),
    drugProduct: z.string(),
    concentrationMcgPerMl: z.number(),
    lotNumber: z.string(),
    lotExpiresOn: z.string(),
    dailyDoseMcg: z.number(),
    mode: z.enum(['simple', 'flex']),
    patientBolusMcgPerDay: z.number().nullable(),
    mixedConcentrationMcgPerMl: z.number().nullable(),
    realDailyDoseMcg: z.number().nullable(),
    bridgeBolusGiven: z.boolean().nullable(),
    primingBolusGiven: z.boolean().nullable(),
    notes: z.string().nullable(),
  }),
  /** The projection the refill set. */
  result: z.object({ alarmAt: z.string(), emptyAt: z.string(), refillBy: z.string() }),
  /** Who recorded the refill, and when it was recorded. */
  signedBy: z.object({ name: z.string(), role: roleSchema, recordedAt: z.string() }),
});
export type FillWorksheet = z.infer<typeof fillWorksheetSchema>;

/** What is found and done at the pump, written in by hand on the worksheet: label and unit. The PDF and the page print the same lines. */
export const REFILL_WORKSHEET_WRITE_INS: readonly (readonly [label: string, unit: string])[] = [
  ['Time of refill', ''],
  ['Residual withdrawn', 'mL'],
  ['Left in reservoir', 'mL'],
  ['Patient boluses', 'mL'],
  ['Volume added', 'mL'],
  ['Volume after', 'mL'],
  ['Drug', ''],
  ['Concentration', 'mcg/mL'],
  ['Lot number', ''],
  ['Lot expiry', ''],
  ['New daily dose', 'mcg/day'],
  ['Bolus allowance', 'mcg/day'],
];
