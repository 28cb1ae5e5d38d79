import type { OverdueReport } from '@itb/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildApiUrl } from '../../../lib/api-client';
import { queryKeys, type OverdueReportParams } from '../../../lib/query-keys';

const periodQuery = ({ from, to }: OverdueReportParams) => ({ from: from || undefined, to: to || undefined });

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

/** The same report as a CSV file; the browser downloads it with the session cookie. */
export const overdueReportCsvHref = (params: OverdueReportParams): string =>
  buildApiUrl('/reports/overdue.csv', periodQuery(params));
