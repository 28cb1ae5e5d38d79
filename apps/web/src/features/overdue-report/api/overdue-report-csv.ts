import type { ReportCsvQuery } from '@itb/contracts';
import { buildApiUrl } from '../../../lib/api-client';
import type { OverdueReportParams } from '../../../lib/query-keys';
import { periodQuery } from './get-overdue-report';

export type ReportCsvSection = ReportCsvQuery['section'];

/** One section of the report as a CSV file; the server names it, the browser downloads it with the session cookie. */
export const overdueReportCsvHref = (params: OverdueReportParams, section: ReportCsvSection): string =>
  buildApiUrl('/reports/overdue.csv', { ...periodQuery(params), section });
