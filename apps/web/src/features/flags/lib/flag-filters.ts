import { FLAG_CODE_LABELS, type FlagCode } from '@itb/contracts';
import { FLAG_SEVERITIES } from '@itb/domain';
import type { FlagListParams } from '../../../lib/query-keys';
import { SEVERITY_LABELS } from './flag-display';

export const DEFAULT_STATUS = 'open,acknowledged';

export const STATUS_OPTIONS = [
  { value: DEFAULT_STATUS, label: 'Needs attention' },
  { value: 'open', label: 'Open (not acknowledged)' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'open,acknowledged,resolved', label: 'All' },
];

export const SEVERITY_OPTIONS = [
  { value: '', label: 'All severities' },
  ...FLAG_SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_LABELS[severity] })),
];

export const CODE_OPTIONS = [
  { value: '', label: 'All rules' },
  ...(Object.entries(FLAG_CODE_LABELS) as [FlagCode, string][]).map(([value, label]) => ({ value, label })),
];

const known = (options: { value: string }[], value: string | null, fallback: string): string =>
  value !== null && options.some((option) => option.value === value) ? value : fallback;

/** The filters the address holds; anything unknown (an old bookmark, a typo) falls back to the default. */
export function filtersFromSearch(params: URLSearchParams): FlagListParams {
  return {
    status: known(STATUS_OPTIONS, params.get('status'), DEFAULT_STATUS),
    severity: known(SEVERITY_OPTIONS, params.get('severity'), ''),
    code: known(CODE_OPTIONS, params.get('code'), ''),
  };
}

/** Only what differs from the default goes in the address, so the plain link stays `/flags`. */
export function searchFromFilters(filters: FlagListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_STATUS) params.set('status', filters.status);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.code) params.set('code', filters.code);
  return params;
}

export const isDefaultFilters = (filters: FlagListParams): boolean => searchFromFilters(filters).size === 0;
