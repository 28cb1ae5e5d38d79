import { Card, Group, Loader, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { formatLocalDate } from '../../../lib/format';
import type { OverdueReportParams } from '../../../lib/query-keys';
import { useOverdueReport } from '../api/get-overdue-report';
import { OnTimeChart } from './on-time-chart';
import { ReportHeadline } from './report-headline';
import { ReportPeriodPicker } from './report-period-picker';
import { ByClinicianTable, ByMonthTable, OverdueNowTable } from './report-tables';

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title} className="report-section">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

function ReportSkeleton() {
  return (
    <Stack role="status">
      <VisuallyHidden>Loading the report</VisuallyHidden>
      <Group grow aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={104} radius="md" />
        ))}
      </Group>
      <Skeleton height={280} radius="md" aria-hidden />
      <Skeleton height={200} radius="md" aria-hidden />
    </Stack>
  );
}

interface OverdueReportViewProps {
  /** The chosen period; '' for the server's default (the twelve months to today). */
  period: OverdueReportParams;
  onPeriodChange: (period: OverdueReportParams) => void;
  getPatientHref: (patientId: string) => string;
  /** The download and print buttons, given the period the report shows. */
  renderActions: (shown: OverdueReportParams) => ReactNode;
}

export function OverdueReportView({ period, onPeriodChange, getPatientHref, renderActions }: OverdueReportViewProps) {
  const reportQuery = useOverdueReport(period);
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
  const isDefault = !period.from && !period.to;

  return (
    <Stack gap="lg" style={{ opacity: reportQuery.isPlaceholderData ? 0.6 : 1 }} aria-busy={reportQuery.isFetching}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={2}>
          <Text fw={600} data-testid="report-period">
            {formatLocalDate(report.from)} – {formatLocalDate(report.to)}
          </Text>
          <Text size="xs" c="dimmed">
            Clinic dates in {report.timeZone}; “now” figures as of {formatLocalDate(report.today)}.
          </Text>
        </Stack>
        <Group align="flex-end" gap="md" wrap="wrap">
          <ReportPeriodPicker shown={shown} isDefault={isDefault} onChange={onPeriodChange} />
          {reportQuery.isFetching && <Loader size="sm" aria-hidden />}
          {renderActions(shown)}
        </Group>
      </Group>
      {reportQuery.isError && (
        <QueryError
          title="Could not refresh the report"
          error={reportQuery.error}
          onRetry={() => void reportQuery.refetch()}
        />
      )}

      <ReportHeadline report={report} />

      <Section
        title="Overdue now"
        description={`Pumps past their refill-by date on ${formatLocalDate(report.today)}, most overdue first.`}
      >
        <OverdueNowTable rows={report.overdueNow} getPatientHref={getPatientHref} />
      </Section>
      <Section title="On time and late, by month" description="Refills per month by when they were done.">
        {report.byMonth.length === 0 ? (
          <Text size="sm" c="dimmed">
            No refills in this period.
          </Text>
        ) : (
          <OnTimeChart months={report.byMonth} />
        )}
      </Section>
      <Section title="By month" description="Late means after the refill-by date; after alarm is a part of late.">
        <ByMonthTable months={report.byMonth} total={report.headline} />
      </Section>
      <Section title="By clinician" description="The clinician who performed each refill.">
        <ByClinicianTable clinicians={report.byClinician} />
      </Section>
    </Stack>
  );
}
