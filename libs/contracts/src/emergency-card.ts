import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * What the wallet card says about withdrawal (CLINICAL.md "Withdrawal": early and late signs, the
 * boxed warning, and the prevention advice to carry pump, drug, dose and clinic contact).
 */
export const EMERGENCY_CARD_TEXT = {
  heading: 'Intrathecal baclofen pump - do not stop suddenly',
  earlySigns: 'Early warning signs: return of usual spasticity, itching without rash, low blood pressure, tingling.',
  lateSigns: 'Late signs: high fever, confusion or altered mental state, muscle rigidity.',
  action:
    'If these appear: call the pump clinic now; out of hours go to an emergency department and show this card. ' +
    'Withdrawal can become life-threatening within 24-72 hours. Take your oral baclofen as prescribed; it may not be enough on its own.',
} as const;

export const emergencyCardSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  birthDate: z.string(),
  pumpModel: z.string(),
  serialNumber: z.string(),
  drugProduct: z.string(),
  concentrationMcgPerMl: z.number(),
  dailyDoseMcg: z.number(),
  /** The low-reservoir alarm date in the clinic's zone. */
  alarmDate: z.string(),
  clinicName: z.string(),
  emergencyPhone: z.string().nullable(),
  oralBaclofenBackupMgPerDay: z.number().nullable(),
  /** The clinic's date the card was produced. */
  printedOn: z.string(),
});
export type EmergencyCard = z.infer<typeof emergencyCardSchema>;
