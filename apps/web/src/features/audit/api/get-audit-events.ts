import type { AuditEventResponse, Page } from '@itb/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type AuditListParams } from '../../../lib/query-keys';

export const AUDIT_PAGE_SIZE = 50;

interface GetAuditEventsQuery extends AuditListParams {
  cursor?: string;
  limit: number;
}

/** `GET /api/audit-events`: newest first; filters left '' are left out of the address. */
export const getAuditEvents = (
  query: GetAuditEventsQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<AuditEventResponse>> =>
  api.get<Page<AuditEventResponse>>('/audit-events', { query: { ...query }, signal });

/** Keyset pages: each page's `nextCursor` fetches the next. */
export const auditEventsQueryOptions = (params: AuditListParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.audit.list(params),
    queryFn: ({ pageParam, signal }) =>
      getAuditEvents({ ...params, cursor: pageParam, limit: AUDIT_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While a new filter loads, the previous rows stay on screen. */
export const useAuditEvents = (params: AuditListParams) =>
  useInfiniteQuery({ ...auditEventsQueryOptions(params), placeholderData: keepPreviousData });
