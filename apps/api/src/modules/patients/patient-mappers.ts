import type { PatientResponse, PatientSummary, PumpResponse } from '@itb/contracts';
import { ageBandOn, type LocalDate } from '@itb/domain';
import type { PatientEntity } from './patient.entity.js';

export const toPatientSummary = (p: PatientEntity): PatientSummary => ({
  id: p.id,
  mrn: p.mrn,
  givenName: p.givenName,
  familyName: p.familyName,
  birthDate: p.birthDate,
  status: p.status,
  diagnosis: p.diagnosis,
  isHighRisk: p.riskFactors.length > 0,
});

export const toPatientResponse = (
  p: PatientEntity,
  activePump: PumpResponse | null,
  primarySpecialistName: string | null,
  optedOutByName: string | null,
  /** The clinic's today in its zone: the age band is derived on it, never stored. */
  clinicToday: LocalDate,
): PatientResponse => ({
  ...toPatientSummary(p),
  sex: p.sex,
  spasticityOrigin: p.spasticityOrigin,
  riskFactors: p.riskFactors,
  cautions: p.cautions,
  interactingMedicines: p.interactingMedicines,
  ageBand: ageBandOn(p.birthDate, clinicToday),
  oralBaclofenBackupMgPerDay: p.oralBaclofenBackupMgPerDay,
  primarySpecialistId: p.primarySpecialistId,
  primarySpecialistName,
  phone: p.phone,
  emergencyContact: p.emergencyContact,
  notes: p.notes,
  email: p.email,
  postalAddress: p.postalAddress,
  reminderChannel: p.reminderChannel,
  remindersOptedOutAt: p.remindersOptedOutAt?.toISOString() ?? null,
  remindersOptedOutByName: p.remindersOptedOutAt ? optedOutByName : null,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  activePump,
});

/** What the audit log keeps of a patient record. */
export const patientAuditView = (p: PatientEntity) => {
  const { clinicId: _c, createdAt: _ca, updatedAt: _u, isHighRisk: _h, ...fields } = p;
  return fields;
};
