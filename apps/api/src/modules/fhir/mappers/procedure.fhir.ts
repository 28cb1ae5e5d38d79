import type { Procedure } from '@medplum/fhirtypes';
import { instant, ITB_CODES, patientRef, deviceRef } from './fhir-codes.js';

export interface FillRow {
  id: string;
  pumpId: string;
  patientId: string;
  performedAt: Date;
  performerName: string;
  isInitial: boolean;
  /** What was found in the reservoir (withdrawn plus left); null for the first fill at implant. */
  residualFoundMl: number | null;
  expectedResidualMl: number | null;
  volumeAddedMl: number;
  reservoirVolumeAfterMl: number;
  concentrationMcgPerMl: number;
  drugProduct: string;
}

/**
 * A refill (or the first fill at implant) as FHIR R4 Procedure: completed, on the patient's pump
 * (`focalDevice`), when and by whom. R4's Procedure has no components, so its volumes are the
 * Observations `observation.fhir.ts` makes, each `partOf` this Procedure.
 */
export function toFhirProcedure(row: FillRow): Procedure {
  const code = row.isInitial ? 'initial_fill' : 'refill';
  return {
    resourceType: 'Procedure',
    id: row.id,
    status: 'completed',
    code: {
      coding: [
        {
          system: ITB_CODES.fillKind,
          code,
          display: row.isInitial ? 'First fill of an intrathecal pump at implant' : 'Refill of an intrathecal pump',
        },
      ],
      text: row.isInitial ? 'Intrathecal pump first fill' : 'Intrathecal pump refill',
    },
    subject: patientRef(row.patientId),
    performedDateTime: instant(row.performedAt),
    performer: [{ actor: { display: row.performerName } }],
    focalDevice: [{ action: { text: row.isInitial ? 'Filled' : 'Refilled' }, manipulated: deviceRef(row.pumpId) }],
    usedCode: [{ text: `${row.drugProduct} ${row.concentrationMcgPerMl} mcg/mL` }],
  };
}
