import type { Page, TimelineItem } from '@itb/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type TimelineParams } from '../../../lib/query-keys';

export const TIMELINE_PAGE_SIZE = 20;

export const getTimeline = ({
  patientId,
  kind,
  cursor,
  signal,
}: TimelineParams & { patientId: string; cursor?: string; signal?: AbortSignal }): Promise<Page<TimelineItem>> =>
  api.get<Page<TimelineItem>>(`/patients/${encodeURIComponent(patientId)}/timeline`, {
    query: { kind: kind || undefined, cursor, limit: TIMELINE_PAGE_SIZE },
    signal,
  });

/** Newest first, keyset-paged: each page's `nextCursor` fetches the next older page. */
export const timelineQueryOptions = (patientId: string, params: TimelineParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.patients.timeline(patientId, params),
    queryFn: ({ pageParam, signal }) => getTimeline({ patientId, kind: params.kind, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While another filter loads, the entries already shown stay on screen. */
export const useTimeline = (patientId: string, params: TimelineParams) =>
  useInfiniteQuery({ ...timelineQueryOptions(patientId, params), placeholderData: keepPreviousData });
