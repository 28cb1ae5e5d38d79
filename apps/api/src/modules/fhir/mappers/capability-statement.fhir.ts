import type { CapabilityStatement } from '@medplum/fhirtypes';
import { FHIR_STATUSES, FHIR_SEARCH_TYPES, type FhirSearchType } from '../fhir-search.js';

type SearchParam = { name: string; type: 'token' | 'reference' | 'date' | 'number' | 'string'; documentation: string };

const COMMON: SearchParam[] = [
  { name: '_id', type: 'token', documentation: 'Comma-separated ids' },
  { name: '_count', type: 'number', documentation: 'Page size, 1–200 (default 50)' },
];
const PATIENT: SearchParam = { name: 'patient', type: 'reference', documentation: 'Patient/<id>, comma-separated' };
const DATE: SearchParam = { name: 'date', type: 'date', documentation: 'eq, gt, ge, lt, le; repeat to AND' };
const status = (type: FhirSearchType): SearchParam => ({
  name: 'status',
  type: 'token',
  documentation: FHIR_STATUSES[type].join(', '),
});

const PARAMS: Record<FhirSearchType, SearchParam[]> = {
  Patient: [...COMMON, { name: 'identifier', type: 'token', documentation: 'The MRN: <system>|<mrn> or <mrn>' }],
  Device: [...COMMON, PATIENT, status('Device')],
  MedicationRequest: [...COMMON, PATIENT, status('MedicationRequest')],
  Procedure: [...COMMON, PATIENT, status('Procedure'), DATE],
  Observation: [...COMMON, PATIENT, status('Observation'), DATE],
  Flag: [...COMMON, PATIENT, status('Flag'), DATE],
  Appointment: [...COMMON, PATIENT, status('Appointment'), DATE],
};

/** What this server does: FHIR R4, JSON, read and search of seven types, `Patient/$everything`, read-only. */
export function capabilityStatement(baseUrl: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'ITB Clinic',
    kind: 'instance',
    software: { name: 'ITB Clinic', version: '0.1.0' },
    implementation: { description: 'ITB Clinic read-only FHIR R4 API', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          "Read-only; each caller sees its own clinic only. Searches page by an opaque cursor in the Bundle's next link.",
        security: {
          cors: false,
          description:
            'A personal API token (Authorization: Bearer …) made by a clinic administrator, or a signed-in session.',
        },
        resource: FHIR_SEARCH_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchParam: PARAMS[type],
          ...(type === 'Patient'
            ? {
                operation: [
                  { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
