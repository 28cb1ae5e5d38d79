import { FLAG_CODE_LABELS, type FlagCode } from '@itb/contracts';
import type { Flag } from '@medplum/fhirtypes';
import { FLAG_CATEGORY, instant, ITB_CODES, ITB_EXTENSIONS, patientRef } from './fhir-codes.js';

export interface FlagRow {
  id: string;
  patientId: string;
  code: FlagCode;
  severity: 'critical' | 'high' | 'moderate';
  status: 'open' | 'acknowledged' | 'resolved';
  /** Manual flags: which signs were reported. */
  signKind: 'withdrawal' | 'overdose' | null;
  raisedAt: Date;
  resolvedAt: Date | null;
}

const labelOf = (row: FlagRow): string => {
  if (row.code !== 'manual') return FLAG_CODE_LABELS[row.code];
  return row.signKind === 'overdose' ? 'Overdose signs reported' : 'Withdrawal signs reported';
};

/**
 * A withdrawal-risk flag as FHIR R4 Flag: our rule code (and its words), `active` until resolved,
 * the period from raised to resolved, the patient. R4's Flag has no severity: it rides in an
 * extension (critical, high, moderate), and in the text.
 */
export function toFhirFlag(row: FlagRow): Flag {
  const label = labelOf(row);
  return {
    resourceType: 'Flag',
    id: row.id,
    extension: [
      {
        url: ITB_EXTENSIONS.flagSeverity,
        valueCodeableConcept: { coding: [{ system: ITB_CODES.flagSeverity, code: row.severity }] },
      },
    ],
    status: row.status === 'resolved' ? 'inactive' : 'active',
    category: [{ coding: [{ system: FLAG_CATEGORY, code: 'clinical', display: 'Clinical' }] }],
    code: { coding: [{ system: ITB_CODES.flag, code: row.code, display: label }], text: `${label} (${row.severity})` },
    subject: patientRef(row.patientId),
    period: { start: instant(row.raisedAt), ...(row.resolvedAt ? { end: instant(row.resolvedAt) } : {}) },
  };
}
