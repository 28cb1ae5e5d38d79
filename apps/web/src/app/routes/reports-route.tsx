import { Button } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { overdueReportCsvHref } from '../../features/overdue-report/api/get-overdue-report';
import { OverdueReportView } from '../../features/overdue-report/components/overdue-report';
import { can, useCurrentUser } from '../../lib/auth';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (value: string | null): string => (value && LOCAL_DATE.test(value) ? value : '');

/** The administrator's home: overdue pumps now, late refills by month and clinician, CSV and print. */
export function ReportsRoute() {
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  if (!can(me, 'report:view')) {
    return <NotAllowed title="Overdue-refill report" reason="Reports are for administrators and specialists." />;
  }
  const period = { from: dateParam(searchParams.get('from')), to: dateParam(searchParams.get('to')) };

  return (
    <>
      <PageHeader
        title="Overdue-refill report"
        description={`${me.clinic.name} · refills done on time and late, and pumps overdue now`}
      />
      <OverdueReportView
        period={period}
        onPeriodChange={(next) => setSearchParams(next.from && next.to ? { from: next.from, to: next.to } : {})}
        getPatientHref={paths.patient.getHref}
        renderActions={(shown) => (
          <>
            <Button
              component="a"
              href={overdueReportCsvHref(shown)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Print
            </Button>
          </>
        )}
      />
    </>
  );
}
