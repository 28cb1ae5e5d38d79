import type { OverdueReport } from '@itb/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type OverdueReportParams } from '../../../lib/query-keys';

/** '' means "not chosen": the server then answers its default, the twelve months to today. */
export const periodQuery = ({ from, to }: OverdueReportParams) => ({ from: from || undefined, to: to || undefined });

export const getOverdueReport = ({
  signal,
  ...params
}: OverdueReportParams & { signal?: AbortSignal }): Promise<OverdueReport> =>
  api.get<OverdueReport>('/reports/overdue', { query: periodQuery(params), signal });

export const overdueReportQueryOptions = (params: OverdueReportParams) =>
  queryOptions({
    queryKey: queryKeys.reports.overdue(params),
    queryFn: ({ signal }) => getOverdueReport({ ...params, signal }),
  });

/** While another period loads, the previous figures stay on screen. */
export const useOverdueReport = (params: OverdueReportParams) =>
  useQuery({ ...overdueReportQueryOptions(params), placeholderData: keepPreviousData });
