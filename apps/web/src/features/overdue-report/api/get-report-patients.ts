import type { ReportPatients } from '@itb/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type ReportPatientsParams } from '../../../lib/query-keys';

/** One page of the patients behind one count; '' leaves a filter out (the whole period, every specialist). */
export const getReportPatients = ({
  signal,
  cursor,
  from,
  to,
  measure,
  month,
  specialistId,
  performedById,
}: ReportPatientsParams & { cursor?: string; signal?: AbortSignal }): Promise<ReportPatients> =>
  api.get<ReportPatients>('/reports/overdue/patients', {
    query: { from, to, measure, month, specialistId, performedById, cursor },
    signal,
  });

/** Oldest due first, keyset-paged: each page's `nextCursor` fetches the next. */
export const reportPatientsQueryOptions = (params: ReportPatientsParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.reports.overduePatients(params),
    queryFn: ({ pageParam, signal }) => getReportPatients({ ...params, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** Fetched only while a drill-down is open. */
export const useReportPatients = (params: ReportPatientsParams | null) =>
  useInfiniteQuery({
    ...reportPatientsQueryOptions(
      params ?? { from: '', to: '', measure: 'fell_due', month: '', specialistId: '', performedById: '' },
    ),
    enabled: params !== null,
  });
