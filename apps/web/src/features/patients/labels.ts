import type { PatientStatus, Sex, SpasticityOrigin } from '@itb/contracts';

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

export const SPASTICITY_ORIGIN_LABELS: Record<SpasticityOrigin, string> = {
  spinal: 'Spinal',
  cerebral: 'Cerebral',
  mixed: 'Mixed',
};

export const PATIENT_STATUS_LABELS: Record<PatientStatus, string> = {
  active: 'Active',
  explanted: 'Explanted',
  transferred: 'Transferred',
  deceased: 'Deceased',
};

/** `<select>` options from a label map, behind an empty "choose" option. */
export const selectOptions = <K extends string>(labels: Record<K, string>, emptyLabel = 'Select…') => [
  { value: '', label: emptyLabel },
  ...(Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label })),
];
