import type { FlagResponse, Page } from '@itb/contracts';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type FlagListParams } from '../../../lib/query-keys';

export const FLAGS_PAGE_SIZE = 20;
/** The API's page limit: a patient has at most one open flag per rule and pump, plus clinical-sign flags. */
export const PATIENT_FLAGS_LIMIT = 200;
/** What the banner and the work list show unless told otherwise: everything still needing attention. */
export const NEEDING_ATTENTION = 'open,acknowledged';

interface GetFlagsQuery extends Partial<FlagListParams> {
  patientId?: string;
  cursor?: string;
  limit: number;
}

/** `GET /api/flags`: most severe first, then newest; '' filters are left out of the address. */
export const getFlags = (
  query: GetFlagsQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<FlagResponse>> => api.get<Page<FlagResponse>>('/flags', { query: { ...query }, signal });

/** The work list: keyset pages, each page's `nextCursor` fetches the next. */
export const flagsQueryOptions = (params: FlagListParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.flags.list(params),
    queryFn: ({ pageParam, signal }) => getFlags({ ...params, cursor: pageParam, limit: FLAGS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While a new filter loads, the previous rows stay on screen. */
export const useFlags = (params: FlagListParams) =>
  useInfiniteQuery({ ...flagsQueryOptions(params), placeholderData: keepPreviousData });

/** One patient's open and acknowledged flags, for the banner on the chart. */
export const patientFlagsQueryOptions = (patientId: string) =>
  queryOptions({
    queryKey: queryKeys.flags.patient(patientId),
    queryFn: ({ signal }) => getFlags({ patientId, status: NEEDING_ATTENTION, limit: PATIENT_FLAGS_LIMIT }, { signal }),
  });

export const usePatientFlags = (patientId: string) => useQuery(patientFlagsQueryOptions(patientId));
