import type { Page, RefillQueueRow } from '@itb/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type RefillQueueParams } from '../../../lib/query-keys';

export const REFILL_QUEUE_PAGE_SIZE = 25;

export const getRefillQueue = ({
  params,
  cursor,
  signal,
}: {
  params: RefillQueueParams;
  cursor?: string;
  signal?: AbortSignal;
}): Promise<Page<RefillQueueRow>> =>
  api.get<Page<RefillQueueRow>>('/refill-queue', {
    query: {
      withinDays: params.withinDays,
      // Only sent when on: the server's default is every pump, booked or not.
      unscheduledOnly: params.unscheduledOnly ? 'true' : undefined,
      minSeverity: params.minSeverity,
      clinicianId: params.clinicianId,
      cursor,
      limit: REFILL_QUEUE_PAGE_SIZE,
    },
    signal,
  });

/** Keyset pages in the server's order: overdue first, then by refill-by date. */
export const refillQueueQueryOptions = (params: RefillQueueParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.refillQueue.list(params),
    queryFn: ({ pageParam, signal }) => getRefillQueue({ params, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While other filters load, the previous rows stay on screen. */
export const useRefillQueue = (params: RefillQueueParams) =>
  useInfiniteQuery({ ...refillQueueQueryOptions(params), placeholderData: keepPreviousData });
