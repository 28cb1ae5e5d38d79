import type { OverdueReport } from '@itb/contracts';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { useOverdueNowRows } from '../api/get-overdue-now';
import { formatCount } from '../lib/report-format';
import { OverdueNowTable } from './overdue-now-table';

interface OverdueNowListProps {
  report: Pick<OverdueReport, 'overdueNow' | 'overdueNowNextCursor' | 'timeZone' | 'headline'>;
  getPatientHref: (patientId: string) => string;
}

/** The pumps overdue now: the report's first page, and "Load more" for the rest, a keyset page at a time. */
export function OverdueNowList({ report, getPatientHref }: OverdueNowListProps) {
  const { rows, nextPage } = useOverdueNowRows(report);
  const total = report.headline.overdueNow;
  return (
    <>
      <OverdueNowTable rows={rows} timeZone={report.timeZone} getPatientHref={getPatientHref} />
      {rows.length > 0 && (
        <LoadMoreFooter
          query={nextPage}
          summary={
            rows.length < total
              ? `Showing ${rows.length} of ${formatCount(total, 'pump', 'pumps')}, most overdue first`
              : `${formatCount(total, 'pump', 'pumps')}, most overdue first`
          }
          noun="overdue pumps"
        />
      )}
    </>
  );
}
