import type { ReportPatients } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type ReportPatientsParams } from '../../../lib/query-keys';

/** The patients behind one count; '' leaves a filter out (the whole period, every specialist). */
export const getReportPatients = ({
  signal,
  from,
  to,
  measure,
  month,
  specialistId,
  performedById,
}: ReportPatientsParams & { signal?: AbortSignal }): Promise<ReportPatients> =>
  api.get<ReportPatients>('/reports/overdue/patients', {
    query: { from, to, measure, month, specialistId, performedById },
    signal,
  });

export const reportPatientsQueryOptions = (params: ReportPatientsParams) =>
  queryOptions({
    queryKey: queryKeys.reports.overduePatients(params),
    queryFn: ({ signal }) => getReportPatients({ ...params, signal }),
  });

/** Fetched only while a drill-down is open. */
export const useReportPatients = (params: ReportPatientsParams | null) =>
  useQuery({
    ...reportPatientsQueryOptions(
      params ?? { from: '', to: '', measure: 'fell_due', month: '', specialistId: '', performedById: '' },
    ),
    enabled: params !== null,
  });
