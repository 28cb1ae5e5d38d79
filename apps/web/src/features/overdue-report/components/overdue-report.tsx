import { Group, Loader, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { formatLocalDate } from '../../../lib/format';
import type { OverdueReportParams } from '../../../lib/query-keys';
import { useOverdueReport } from '../api/get-overdue-report';
import type { DrillTarget } from '../lib/drill-target';
import { ByMonthTable } from './by-month-table';
import { OnTimeRateChart } from './on-time-rate-chart';
import { OverdueNowList } from './overdue-now-list';
import { ReportHeadline } from './report-headline';
import { ReportPatientsModal } from './report-patients-modal';
import { ReportPeriodPicker } from './report-period-picker';
import { ReportSection } from './report-section';
import { ReportSkeleton } from './report-skeleton';
import { ResponsibilitySection } from './responsibility-section';

interface OverdueReportViewProps {
  /** The chosen period; '' for the server's default (the twelve months to today). */
  period: OverdueReportParams;
  /** The clinic's today (`YYYY-MM-DD` in its zone), for the period presets. */
  today: string;
  onPeriodChange: (period: OverdueReportParams) => void;
  getPatientHref: (patientId: string) => string;
  /** The download and print controls. */
  actions: ReactNode;
}

export function OverdueReportView({ period, today, onPeriodChange, getPatientHref, actions }: OverdueReportViewProps) {
  const reportQuery = useOverdueReport(period);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  if (reportQuery.isPending) return <ReportSkeleton />;
  if (reportQuery.isError && !reportQuery.data) {
    return (
      <QueryError
        title="Could not load the report"
        error={reportQuery.error}
        onRetry={() => void reportQuery.refetch()}
        isRetrying={reportQuery.isRefetching}
      />
    );
  }
  const report = reportQuery.data;
  const shown = { from: report.from, to: report.to };

  return (
    <Stack gap="lg" style={{ opacity: reportQuery.isPlaceholderData ? 0.6 : 1 }} aria-busy={reportQuery.isFetching}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={2}>
          <Text fw={600} data-testid="report-period">
            {formatLocalDate(report.from)} – {formatLocalDate(report.to)}
          </Text>
          <Text size="xs" c="dimmed">
            Clinic dates in {report.timeZone}; compared with {formatLocalDate(report.previous.from)} –{' '}
            {formatLocalDate(report.previous.to)}; “now” as of {formatLocalDate(report.today)}.
          </Text>
        </Stack>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <ReportPeriodPicker period={period} shown={shown} today={today} onChange={onPeriodChange} />
          {reportQuery.isFetching && <Loader size="sm" aria-label="Updating the report" />}
          <Group gap="sm" className="no-print">
            {actions}
          </Group>
        </Group>
      </Group>
      {reportQuery.isError && (
        <QueryError
          title="Could not refresh the report"
          error={reportQuery.error}
          onRetry={() => void reportQuery.refetch()}
        />
      )}

      <ReportHeadline report={report} onOpen={setDrill} />

      <ReportSection
        id="overdue-now"
        title="Overdue now"
        description={`Pumps past their refill-by date on ${formatLocalDate(report.today)}, most overdue first. Times on the clinic’s clock (${report.timeZone}).`}
      >
        <OverdueNowList report={report} getPatientHref={getPatientHref} />
      </ReportSection>
      <ReportSection title="On-time rate by month" description="By the month each refill fell due.">
        <OnTimeRateChart months={report.byMonth} />
      </ReportSection>
      <ReportSection
        title="By month"
        description="Each refill counts in the month its refill-by date fell in. Late is after refill-by and before the alarm; not done is still not refilled. Counts in refills."
      >
        <ByMonthTable report={report} onOpen={setDrill} />
      </ReportSection>
      <ResponsibilitySection report={report} onOpen={setDrill} />

      <ReportPatientsModal
        target={drill}
        period={shown}
        onClose={() => setDrill(null)}
        getPatientHref={getPatientHref}
      />
    </Stack>
  );
}
