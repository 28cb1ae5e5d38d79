import { z } from 'zod';
import { AGE_BANDS, type AgeBand, PUMP_MODELS } from '@itb/domain';

export const ROLES = ['specialist', 'nurse', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** How a patient hears about refills (issue 13): e-mail, or a printed letter in the daily batch. */
export const REMINDER_CHANNELS = ['email', 'letter'] as const;
export const reminderChannelSchema = z.enum(REMINDER_CHANNELS);
export type ReminderChannel = z.infer<typeof reminderChannelSchema>;

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown']);
export const spasticityOriginSchema = z.enum(['spinal', 'cerebral', 'mixed']);
export const DIAGNOSES = ['ms', 'sci', 'cp', 'tbi', 'stroke', 'other'] as const;
export const diagnosisSchema = z.enum(DIAGNOSES);
/** Boxed-warning risk factors (CLINICAL.md "Withdrawal": SCI at T-6 or above, communication difficulties, prior withdrawal). */
export const RISK_FACTORS = ['sci_t6_or_above', 'communication_difficulty', 'prior_withdrawal'] as const;
export const riskFactorSchema = z.enum(RISK_FACTORS);
/**
 * Conditions that change how withdrawal or overdose is handled (CLINICAL.md "Patients who need extra care";
 * "Overdose, withdrawal signs and interactions": breastfeeding, epilepsy, hypersensitivity). Age is not a
 * caution: the age band is derived from the birth date (`ageBandOn` in @itb/domain).
 */
export const CAUTIONS = [
  'renal_impairment',
  'epilepsy',
  'pregnancy',
  'breastfeeding',
  'stroke_history',
  'hypersensitivity',
] as const;
export const cautionSchema = z.enum(CAUTIONS, { error: 'must be a listed caution' });
/**
 * CNS depressants the patient takes, which add sedation and respiratory depression (CLINICAL.md
 * "Overdose, withdrawal signs and interactions").
 */
export const INTERACTING_MEDICINES = [
  'opioids',
  'benzodiazepines',
  'alcohol',
  'antidepressants',
  'antihistamines',
  'sleep_aids',
  'other_muscle_relaxants',
  'tizanidine',
] as const;
export const interactingMedicineSchema = z.enum(INTERACTING_MEDICINES, { error: 'must be a listed medicine' });
export const ageBandSchema = z.enum(AGE_BANDS);
export const patientStatusSchema = z.enum(['active', 'explanted', 'transferred', 'deceased']);
export const pumpModelSchema = z.enum(PUMP_MODELS);
export const pumpStatusSchema = z.enum(['active', 'explanted']);

export type Sex = z.infer<typeof sexSchema>;
export type SpasticityOrigin = z.infer<typeof spasticityOriginSchema>;
export type Diagnosis = z.infer<typeof diagnosisSchema>;
export type RiskFactor = z.infer<typeof riskFactorSchema>;
export type Caution = z.infer<typeof cautionSchema>;
export type InteractingMedicine = z.infer<typeof interactingMedicineSchema>;
export type PatientStatus = z.infer<typeof patientStatusSchema>;
export type PumpStatus = z.infer<typeof pumpStatusSchema>;

export const DIAGNOSIS_LABELS: Record<Diagnosis, string> = {
  ms: 'Multiple sclerosis',
  sci: 'Spinal cord injury',
  cp: 'Cerebral palsy',
  tbi: 'Traumatic brain injury',
  stroke: 'Stroke',
  other: 'Other',
};

export const RISK_FACTOR_LABELS: Record<RiskFactor, string> = {
  sci_t6_or_above: 'SCI at T6 or above',
  communication_difficulty: 'Communication difficulty',
  prior_withdrawal: 'Prior withdrawal',
};

export const CAUTION_LABELS: Record<Caution, string> = {
  renal_impairment: 'Renal impairment',
  epilepsy: 'Epilepsy',
  pregnancy: 'Pregnancy',
  breastfeeding: 'Breastfeeding',
  stroke_history: 'History of stroke',
  hypersensitivity: 'Hypersensitivity to baclofen',
};

export const INTERACTING_MEDICINE_LABELS: Record<InteractingMedicine, string> = {
  opioids: 'Opioids',
  benzodiazepines: 'Benzodiazepines',
  alcohol: 'Alcohol',
  antidepressants: 'Antidepressants (tricyclic)',
  antihistamines: 'Sedating antihistamines',
  sleep_aids: 'Sleep medicines',
  other_muscle_relaxants: 'Other muscle relaxants',
  tizanidine: 'Tizanidine',
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  child: 'Child (under 18)',
  age_over_65: 'Over 65',
};
