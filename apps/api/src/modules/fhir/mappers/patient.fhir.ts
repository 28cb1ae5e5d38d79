import type { Patient } from '@medplum/fhirtypes';
import { mrnSystem, V2_IDENTIFIER_TYPE } from './fhir-codes.js';

export interface PatientRow {
  id: string;
  clinicId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  status: 'active' | 'explanted' | 'transferred' | 'deceased';
  phone: string | null;
  updatedAt: Date;
}

/**
 * A patient as FHIR R4 Patient: MRN as the medical-record identifier of the clinic, name, birth date,
 * administrative gender (our four values are FHIR's), phone. `active` is false once the clinic no
 * longer follows the patient (transferred, deceased); an explanted patient is still a patient of the
 * clinic. Notes and emergency contacts stay out (free text the clinic wrote for itself).
 */
export function toFhirPatient(row: PatientRow): Patient {
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: V2_IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
        system: mrnSystem(row.clinicId),
        value: row.mrn,
      },
    ],
    active: row.status === 'active' || row.status === 'explanted',
    name: [{ use: 'official', family: row.familyName, given: [row.givenName] }],
    gender: row.sex,
    birthDate: row.birthDate,
    ...(row.phone ? { telecom: [{ system: 'phone' as const, value: row.phone }] } : {}),
    ...(row.status === 'deceased' ? { deceasedBoolean: true } : {}),
  };
}
