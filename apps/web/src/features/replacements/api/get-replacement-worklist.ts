import type { Page, ReplacementWorklistRow } from '@itb/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const REPLACEMENT_PAGE_SIZE = 25;

/** Keyset pages in the server's order: the soonest replacement first (passed ones lead). */
export const replacementWorklistQueryOptions = (withinDays: number) =>
  infiniteQueryOptions({
    queryKey: queryKeys.replacements.list(withinDays),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ReplacementWorklistRow>>('/replacement-worklist', {
        query: { withinDays, cursor: pageParam, limit: REPLACEMENT_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useReplacementWorklist = (withinDays: number) =>
  useInfiniteQuery({ ...replacementWorklistQueryOptions(withinDays), placeholderData: keepPreviousData });
