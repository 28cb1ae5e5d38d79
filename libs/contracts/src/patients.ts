import { z } from 'zod';
import { idSchema, localDateSchema, optionalText, pageQuerySchema, trimmed, versionSchema } from './common.js';
import {
  ageBandSchema,
  cautionSchema,
  interactingMedicineSchema,
  diagnosisSchema,
  patientStatusSchema,
  reminderChannelSchema,
  riskFactorSchema,
  sexSchema,
  spasticityOriginSchema,
} from './enums.js';
import { pumpResponseSchema } from './pumps.js';
import { emailSchema } from './users.js';

const uniqueList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(10)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a value');

/** From 1900-01-01 on, as every calendar date (localDateSchema). */
const birthDateSchema = localDateSchema;

const patientFields = {
  mrn: trimmed(32).regex(/^[A-Za-z0-9-]+$/, 'may hold only letters, digits and hyphens'),
  givenName: trimmed(100),
  familyName: trimmed(100),
  birthDate: birthDateSchema,
  sex: sexSchema,
  spasticityOrigin: spasticityOriginSchema,
  diagnosis: diagnosisSchema,
  riskFactors: uniqueList(riskFactorSchema),
  cautions: uniqueList(cautionSchema),
  interactingMedicines: uniqueList(interactingMedicineSchema),
  /**
   * Oral baclofen kept at home as a bridge (CLINICAL.md "Patients who need extra care"); null = none.
   * Above 80 mg/day is allowed with a warning (`isOralBackupAboveUsualMax` in @itb/domain).
   */
  oralBaclofenBackupMgPerDay: z
    .number()
    .positive('must be above 0')
    .max(200, 'must be at most 200')
    .multipleOf(0.01, 'must have at most 2 decimals')
    .nullable()
    .optional(),
  primarySpecialistId: idSchema.nullable().optional(),
  phone: optionalText(40),
  emergencyContact: optionalText(200),
  notes: optionalText(4000),
  /** Contact for reminders (issue 13); '' clears it. */
  email: z
    .union([z.literal('').transform(() => null), emailSchema])
    .nullable()
    .optional(),
  /** Where the printed letter goes when the patient has no e-mail or prefers letters. */
  postalAddress: optionalText(300),
  reminderChannel: reminderChannelSchema.optional(),
  /** True records the opt-out with today's date and who recorded it; false withdraws it. */
  remindersOptOut: z.boolean().optional(),
};

/** Checked on the saved record by the API (create and update), and by the web form before it sends. */
export const EMAIL_CHANNEL_NEEDS_ADDRESS = 'e-mail reminders need an e-mail address';

export const createPatientRequestSchema = z
  .object({
    ...patientFields,
    riskFactors: patientFields.riskFactors.default([]),
    cautions: patientFields.cautions.default([]),
    interactingMedicines: patientFields.interactingMedicines.default([]),
    reminderChannel: reminderChannelSchema.default('letter'),
  })
  .strict();
export type CreatePatientRequest = z.input<typeof createPatientRequestSchema>;

export const updatePatientRequestSchema = z
  .object(patientFields)
  .partial()
  .extend({
    version: versionSchema,
    status: patientStatusSchema.optional(),
    /** Why the record changed (new contact details, a caution learnt at clinic…): kept on the audit row. */
    reason: trimmed(500).optional(),
  })
  .strict();
export type UpdatePatientRequest = z.infer<typeof updatePatientRequestSchema>;

export const patientSummarySchema = z.object({
  id: idSchema,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  status: patientStatusSchema,
  diagnosis: diagnosisSchema,
  isHighRisk: z.boolean(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientResponseSchema = patientSummarySchema.extend({
  sex: sexSchema,
  spasticityOrigin: spasticityOriginSchema,
  riskFactors: z.array(riskFactorSchema),
  cautions: z.array(cautionSchema),
  interactingMedicines: z.array(interactingMedicineSchema),
  /** Derived from the birth date on the clinic's today (DESIGN.md "Patient"); null for an adult under 65. */
  ageBand: ageBandSchema.nullable(),
  oralBaclofenBackupMgPerDay: z.number().nullable(),
  primarySpecialistId: z.string().nullable(),
  primarySpecialistName: z.string().nullable(),
  phone: z.string().nullable(),
  emergencyContact: z.string().nullable(),
  notes: z.string().nullable(),
  email: z.string().nullable(),
  postalAddress: z.string().nullable(),
  reminderChannel: reminderChannelSchema,
  /** When the patient asked for no reminders, and who recorded it; null = reminders go out. */
  remindersOptedOutAt: z.string().nullable(),
  remindersOptedOutByName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  activePump: pumpResponseSchema.nullable(),
});
export type PatientResponse = z.infer<typeof patientResponseSchema>;

export const patientListQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Search words (up to 4): each must begin the family name, the given name or the MRN.' }),
  status: patientStatusSchema.optional().meta({ description: 'Only patients in this status.' }),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;
