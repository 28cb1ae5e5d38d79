import { idSchema, localDateSchema } from '@itb/contracts';
import type { AuditListParams } from '../../../lib/query-keys';
import { ENTITY_LABELS } from './audit-display';

export const NO_AUDIT_FILTERS: AuditListParams = {
  actorId: '',
  patientId: '',
  entityType: '',
  action: '',
  from: '',
  to: '',
};

/** The API's limit on the action filter (`auditQuerySchema`). */
export const ACTION_MAX_LENGTH = 60;

export const ENTITY_OPTIONS = [
  { value: '', label: 'All records' },
  ...Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })),
];

const KEYS = Object.keys(NO_AUDIT_FILTERS) as (keyof AuditListParams)[];

const idOrEmpty = (value: string | null): string => (value && idSchema.safeParse(value).success ? value : '');
const dateOrEmpty = (value: string | null): string => (value && localDateSchema.safeParse(value).success ? value : '');

/** An action code or a prefix such as `flag.`, as the API accepts it. */
export function cleanAction(value: string | null): string {
  const action = (value ?? '').trim();
  return action.length <= ACTION_MAX_LENGTH ? action : '';
}

/**
 * The filters the address holds, so a link reproduces the view. Anything the API would refuse
 * (an id that is not one, an unknown record type, a backwards range) falls back to "any".
 */
export function filtersFromSearch(params: URLSearchParams): AuditListParams {
  const entityType = params.get('entityType') ?? '';
  const from = dateOrEmpty(params.get('from'));
  const to = dateOrEmpty(params.get('to'));
  return {
    actorId: idOrEmpty(params.get('actorId')),
    patientId: idOrEmpty(params.get('patientId')),
    entityType: Object.hasOwn(ENTITY_LABELS, entityType) ? entityType : '',
    action: cleanAction(params.get('action')),
    from,
    to: from && to && to < from ? '' : to,
  };
}

/** Only the filters that are set go in the address, named as the API names them; the plain link stays `/audit`. */
export function searchFromFilters(filters: AuditListParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export const isDefaultFilters = (filters: AuditListParams): boolean => searchFromFilters(filters).size === 0;

/** Whether a date range reads backwards, which the API refuses. */
export const isBackwardsRange = ({ from, to }: Pick<AuditListParams, 'from' | 'to'>): boolean =>
  Boolean(from && to && to < from);
