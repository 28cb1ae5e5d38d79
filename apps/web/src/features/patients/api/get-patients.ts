import type { Page, PatientSummary } from '@itb/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type PatientListParams } from '../../../lib/query-keys';

export const PATIENTS_PAGE_SIZE = 25;

export const getPatients = ({
  q,
  cursor,
  signal,
}: {
  q: string;
  cursor?: string;
  signal?: AbortSignal;
}): Promise<Page<PatientSummary>> =>
  api.get<Page<PatientSummary>>('/patients', { query: { q: q.trim(), cursor, limit: PATIENTS_PAGE_SIZE }, signal });

/** Keyset pages: each page's `nextCursor` fetches the next. */
export const patientsQueryOptions = (params: PatientListParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.patients.list(params),
    queryFn: ({ pageParam, signal }) => getPatients({ q: params.q, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While a new search loads, the previous results stay on screen. */
export const usePatients = (params: PatientListParams) =>
  useInfiniteQuery({ ...patientsQueryOptions(params), placeholderData: keepPreviousData });
