import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { OverdueReportView } from '../../features/overdue-report/components/overdue-report';
import { ReportDownloadMenu } from '../../features/overdue-report/components/report-download-menu';
import { periodFromSearch } from '../../features/overdue-report/lib/report-period';
import { can, useCurrentUser } from '../../lib/auth';
import { todayIn } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';

/** The administrator's home: refills by the month they fell due, who answers for them, pumps overdue now. */
export function ReportsRoute() {
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  if (!can(me, 'report:view')) {
    return <NotAllowed title="Overdue-refill report" reason="Reports are for administrators and specialists." />;
  }
  // The period lives in the address, so Back returns to the one before.
  const period = periodFromSearch(searchParams);

  return (
    <>
      <PageHeader
        title="Overdue-refill report"
        description={`${me.clinic.name} · refills that fell due, done on time or late, and pumps overdue now`}
      />
      <OverdueReportView
        period={period}
        today={todayIn(me.clinic.timeZone)}
        onPeriodChange={(next) => setSearchParams(next.from && next.to ? { from: next.from, to: next.to } : {})}
        getPatientHref={paths.patient.getHref}
        actions={
          <>
            <ReportDownloadMenu period={period} />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Print
            </Button>
          </>
        }
      />
    </>
  );
}
