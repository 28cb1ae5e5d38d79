import type { ReportPatientRow } from '@itb/contracts';
import { Anchor, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { QueryError } from '../../../components/ui/query-error';
import { formatLocalDate } from '../../../lib/format';
import type { OverdueReportParams } from '../../../lib/query-keys';
import { useReportPatients } from '../api/get-report-patients';
import type { DrillTarget } from '../lib/drill-target';
import { formatCount, formatOutcome, isAppointmentMeasure, MEASURE_LABELS } from '../lib/report-format';

interface ReportPatientsModalProps {
  /** The count being opened; null when closed. */
  target: DrillTarget | null;
  /** The period the report shows (its own from and to, never the default ''). */
  period: OverdueReportParams;
  onClose: () => void;
  getPatientHref: (patientId: string) => string;
}

function PatientsTable({
  rows,
  isAppointments,
  getPatientHref,
}: {
  rows: ReportPatientRow[];
  isAppointments: boolean;
  getPatientHref: (patientId: string) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label="Patients behind this count" striped>
        <Table.Thead>
          <Table.Tr>
            {[
              'Patient',
              'MRN',
              'Primary specialist',
              isAppointments ? 'Appointment' : 'Refill by',
              'Refilled',
              'Outcome',
            ].map((column) => (
              <Table.Th key={column} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={`${row.patientId}-${row.dueOn}-${i}`}>
              <Table.Td>
                <Anchor component={Link} to={getPatientHref(row.patientId)} fw={600}>
                  {row.patientName}
                </Anchor>
              </Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {row.mrn}
              </Table.Td>
              <Table.Td>{row.primarySpecialistName ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalDate(row.dueOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.doneOn ? formatLocalDate(row.doneOn) : 'Not refilled'}
              </Table.Td>
              <Table.Td>{formatOutcome(row.outcome)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The patients behind one count of the report, fetched when opened. */
export function ReportPatientsModal({ target, period, onClose, getPatientHref }: ReportPatientsModalProps) {
  const isNarrow = useMediaQuery('(max-width: 36em)');
  const query = useReportPatients(
    target && {
      from: period.from,
      to: period.to,
      measure: target.measure,
      month: target.month ?? '',
      specialistId: target.specialistId ?? '',
      performedById: target.performedById ?? '',
    },
  );
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const title = target ? `${MEASURE_LABELS[target.measure]} · ${target.scope}` : '';
  const unit: [string, string] =
    target && isAppointmentMeasure(target.measure) ? ['appointment', 'appointments'] : ['refill', 'refills'];

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={isNarrow}
      closeButtonProps={{ 'aria-label': 'Close the list' }}
    >
      {target && query.isPending && (
        <Stack align="center" py="xl" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm" c="dimmed">
            Loading the patients…
          </Text>
        </Stack>
      )}
      {query.isError && !query.isFetchNextPageError && (
        <QueryError
          title="Could not load the patients"
          error={query.error}
          onRetry={() => void query.refetch()}
          isRetrying={query.isRefetching}
        />
      )}
      {query.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" py="md">
          No patients behind this count.
        </Text>
      )}
      {query.data && rows.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" data-testid="report-patients-total" aria-live="polite">
            {total > rows.length
              ? `Showing ${rows.length} of ${formatCount(total, ...unit)}, oldest due first.`
              : `${formatCount(total, ...unit)}, oldest due first.`}
          </Text>
          <PatientsTable
            rows={rows}
            isAppointments={isAppointmentMeasure(target?.measure ?? 'fell_due')}
            getPatientHref={getPatientHref}
          />
          <LoadMoreFooter query={query} noun={unit[1]} mt="xs" />
        </Stack>
      )}
    </Modal>
  );
}
