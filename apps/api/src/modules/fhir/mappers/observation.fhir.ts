import type { Observation } from '@medplum/fhirtypes';
import { instant, ITB_CODES, patientRef, deviceRef, procedureRef, ucum } from './fhir-codes.js';
import type { FillRow } from './procedure.fhir.js';

/** The volumes a refill records, each an Observation with the id `<fill id>-<kind>`. */
export const REFILL_OBSERVATION_KINDS = ['residual', 'expected-residual', 'volume-added', 'reservoir-volume'] as const;
export type RefillObservationKind = (typeof REFILL_OBSERVATION_KINDS)[number];

const DISPLAY: Record<RefillObservationKind, string> = {
  residual: 'Residual volume found in the pump reservoir',
  'expected-residual': 'Expected residual volume in the pump reservoir',
  'volume-added': 'Volume of drug added to the pump reservoir',
  'reservoir-volume': 'Pump reservoir volume after the refill',
};

const valueOf = (row: FillRow, kind: RefillObservationKind): number | null => {
  switch (kind) {
    case 'residual':
      return row.residualFoundMl;
    case 'expected-residual':
      return row.expectedResidualMl;
    case 'volume-added':
      return row.volumeAddedMl;
    case 'reservoir-volume':
      return row.reservoirVolumeAfterMl;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
};

export const observationId = (fillId: string, kind: RefillObservationKind) => `${fillId}-${kind}`;

/** `<uuid>-<kind>` back to its parts, or null when it is not one of ours. */
export function parseObservationId(id: string): { fillId: string; kind: RefillObservationKind } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([a-z-]+)$/i.exec(id);
  const kind = match?.[2] as RefillObservationKind | undefined;
  if (!match || !kind || !REFILL_OBSERVATION_KINDS.includes(kind)) return null;
  return { fillId: (match[1] as string).toLowerCase(), kind };
}

/** One volume of a refill as a final Observation in mL (UCUM), part of the refill's Procedure; null when not recorded. */
export function toFhirObservation(row: FillRow, kind: RefillObservationKind): Observation | null {
  const value = valueOf(row, kind);
  if (value === null) return null;
  return {
    resourceType: 'Observation',
    id: observationId(row.id, kind),
    partOf: [procedureRef(row.id)],
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'procedure',
            display: 'Procedure',
          },
        ],
      },
    ],
    code: { coding: [{ system: ITB_CODES.observation, code: kind, display: DISPLAY[kind] }], text: DISPLAY[kind] },
    subject: patientRef(row.patientId),
    effectiveDateTime: instant(row.performedAt),
    valueQuantity: ucum(value, 'mL'),
    device: deviceRef(row.pumpId),
  };
}

/** Every Observation a refill has, in kind order. */
export const toFhirObservations = (row: FillRow): Observation[] =>
  REFILL_OBSERVATION_KINDS.map((kind) => toFhirObservation(row, kind)).filter((o): o is Observation => o !== null);
