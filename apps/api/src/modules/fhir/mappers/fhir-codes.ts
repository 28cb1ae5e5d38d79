import type { CodeableConcept, Device, Patient, Procedure, Quantity, Reference } from '@medplum/fhirtypes';

/** Code systems: SNOMED CT and UCUM where a code exists; the clinic's own system for the rest. */
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const V2_IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';
/** The base of the clinic's own code systems and extensions (a stable name, not a served address). */
export const ITB_FHIR = 'https://itb-clinic.example/fhir';
export const ITB_CODES = {
  pumpModel: `${ITB_FHIR}/CodeSystem/pump-model`,
  fillKind: `${ITB_FHIR}/CodeSystem/fill-kind`,
  observation: `${ITB_FHIR}/CodeSystem/refill-observation`,
  flag: `${ITB_FHIR}/CodeSystem/flag-code`,
  flagSeverity: `${ITB_FHIR}/CodeSystem/flag-severity`,
  appointmentType: `${ITB_FHIR}/CodeSystem/appointment-type`,
  error: `${ITB_FHIR}/CodeSystem/error-code`,
} as const;
export const ITB_EXTENSIONS = {
  implantDate: `${ITB_FHIR}/StructureDefinition/pump-implant-date`,
  flagSeverity: `${ITB_FHIR}/StructureDefinition/flag-severity`,
} as const;

/** The MRN's system: MRNs are unique per clinic, so the clinic is part of it. */
export const mrnSystem = (clinicId: string) => `${ITB_FHIR}/clinic/${clinicId}/mrn`;

/** SNOMED CT 387342009 |Baclofen (substance)|. */
export const BACLOFEN: CodeableConcept = {
  coding: [{ system: SNOMED, code: '387342009', display: 'Baclofen (substance)' }],
  text: 'Baclofen',
};
/** SNOMED CT 72607000 |Intrathecal route (qualifier value)|. */
export const INTRATHECAL_ROUTE: CodeableConcept = {
  coding: [{ system: SNOMED, code: '72607000', display: 'Intrathecal route' }],
  text: 'Intrathecal',
};

/** UCUM quantities: `mL`, `ug/d` (micrograms per day), `ug/mL`, `ug`, `d` (a day). */
export const ucum = (value: number, code: 'mL' | 'ug/d' | 'ug/mL' | 'ug' | 'd'): Quantity => ({
  value,
  unit: code,
  system: UCUM,
  code,
});

export const patientRef = (id: string): Reference<Patient> => ({ reference: `Patient/${id}` });
export const deviceRef = (id: string): Reference<Device> => ({ reference: `Device/${id}` });
export const procedureRef = (id: string): Reference<Procedure> => ({ reference: `Procedure/${id}` });

/** An instant as FHIR's `instant`/`dateTime` (ISO 8601 with the zone): our instants are UTC. */
export const instant = (value: Date): string => value.toISOString();
