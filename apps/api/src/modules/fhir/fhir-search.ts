import { z } from 'zod';
import { AppError } from '../../common/app-error.js';
import { type DateCondition, parseDateParam } from './fhir-date-param.js';

export const FHIR_SEARCH_TYPES = [
  'Patient',
  'Device',
  'MedicationRequest',
  'Procedure',
  'Observation',
  'Flag',
  'Appointment',
] as const;
export type FhirSearchType = (typeof FHIR_SEARCH_TYPES)[number];

export const FHIR_DEFAULT_COUNT = 50;
export const FHIR_MAX_COUNT = 200;

/** The FHIR statuses each type can be searched by (R4 value sets, the part our records take). */
export const FHIR_STATUSES = {
  Patient: [],
  Device: ['active', 'inactive'],
  MedicationRequest: ['active', 'stopped'],
  Procedure: ['completed'],
  Observation: ['final'],
  Flag: ['active', 'inactive'],
  Appointment: ['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'],
} as const satisfies Record<FhirSearchType, readonly string[]>;

const tokenList = (description: string) =>
  z
    .string()
    .max(4000)
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(200)).min(1, 'must name at least one value').max(100, 'names at most 100 values'))
    .optional()
    .meta({ description });

const dateValue = z.string().max(40);
const dateParam = z
  .union([dateValue, z.array(dateValue).max(4, 'may be given at most 4 times')])
  .optional()
  .meta({
    description:
      'FHIR date search (`2026-03`, `ge2026-03-01`, `lt2026-04-01T00:00:00Z`; prefixes eq, gt, ge, lt, le). ' +
      'Repeat it to AND two bounds. A value without a zone is on the clinic clock.',
  });

const common = {
  _id: tokenList('Comma-separated resource ids.'),
  _count: z.coerce
    .number()
    .int()
    .min(1)
    .max(FHIR_MAX_COUNT)
    .default(FHIR_DEFAULT_COUNT)
    .meta({ description: `Resources per page (1–${FHIR_MAX_COUNT}, default ${FHIR_DEFAULT_COUNT}).` }),
  _cursor: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Opaque: the `next` link carries it; a client never builds one.' }),
  _format: z
    .enum(['json', 'application/json', 'application/fhir+json'])
    .optional()
    .meta({ description: 'Only JSON is served.' }),
};
const byPatient = {
  patient: tokenList('Comma-separated patient references (`Patient/<id>` or `<id>`).'),
};
const byStatus = <T extends FhirSearchType>(type: T) => ({
  status: z
    .string()
    .max(400)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(
      z.array(z.enum(FHIR_STATUSES[type] as unknown as [string, ...string[]])).min(1, 'must name at least one value'),
    )
    .optional()
    .meta({ description: `Comma-separated statuses: ${FHIR_STATUSES[type].join(', ')}.` }),
});

/** The search parameters of each type: anything else answers 400 naming it. */
export const fhirSearchSchemas = {
  Patient: z.strictObject({
    ...common,
    identifier: z.string().max(300).optional().meta({ description: 'The MRN, as `<system>|<mrn>` or `<mrn>` alone.' }),
  }),
  Device: z.strictObject({ ...common, ...byPatient, ...byStatus('Device') }),
  MedicationRequest: z.strictObject({ ...common, ...byPatient, ...byStatus('MedicationRequest') }),
  Procedure: z.strictObject({ ...common, ...byPatient, ...byStatus('Procedure'), date: dateParam }),
  Observation: z.strictObject({ ...common, ...byPatient, ...byStatus('Observation'), date: dateParam }),
  Flag: z.strictObject({ ...common, ...byPatient, ...byStatus('Flag'), date: dateParam }),
  Appointment: z.strictObject({ ...common, ...byPatient, ...byStatus('Appointment'), date: dateParam }),
} as const satisfies Record<FhirSearchType, z.ZodType>;

/** `$everything` takes no search parameters but the format. */
export const fhirEverythingQuerySchema = z.strictObject({ _format: common._format });
/** A read takes none but the format. */
export const fhirReadQuerySchema = fhirEverythingQuerySchema;

export interface FhirSearchQuery {
  _id?: string[];
  _count: number;
  _cursor?: string;
  patient?: string[];
  status?: string[];
  identifier?: string;
  date?: string | string[];
}

/** What the repository filters by, parsed and checked. */
export interface FhirSearch {
  ids?: string[];
  patientIds?: string[];
  identifier?: { system: string | null; value: string };
  statuses?: string[];
  dates: DateCondition[];
  count: number;
  cursor?: string;
}

/** `Patient/<id>` or `<id>`: the id; anything else a 400 naming `patient`. */
const patientIdOf = (reference: string): string => {
  const id = reference.startsWith('Patient/') ? reference.slice('Patient/'.length) : reference;
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) throw AppError.validation('patient', 'must be Patient/<id> or <id>');
  return id;
};

export function toFhirSearch(query: FhirSearchQuery): FhirSearch {
  const identifier = query.identifier;
  const bar = identifier?.indexOf('|') ?? -1;
  return {
    ...(query._id ? { ids: query._id } : {}),
    ...(query.patient ? { patientIds: query.patient.map(patientIdOf) } : {}),
    ...(identifier !== undefined
      ? {
          identifier:
            bar >= 0
              ? { system: identifier.slice(0, bar) || null, value: identifier.slice(bar + 1) }
              : { system: null, value: identifier },
        }
      : {}),
    ...(query.status ? { statuses: query.status } : {}),
    dates: (query.date === undefined ? [] : [query.date].flat()).map((d) => parseDateParam(d)),
    count: query._count,
    ...(query._cursor ? { cursor: query._cursor } : {}),
  };
}
