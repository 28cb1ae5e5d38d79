import type { OverdueReport } from '@itb/contracts';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatDays, formatLocalDate } from '../../../lib/format';
import { formatMonth, formatRatePct } from '../lib/report-format';

type LateCounts = Pick<
  OverdueReport['headline'],
  'refills' | 'onTime' | 'afterRefillBy' | 'afterAlarm' | 'onTimeRatePct'
>;

const LATE_COLUMNS = ['Refills', 'On time', 'After refill-by', 'After alarm', 'On-time rate'] as const;

function LateCells({ counts }: { counts: LateCounts }) {
  return (
    <>
      <Table.Td ta="right">{counts.refills}</Table.Td>
      <Table.Td ta="right">{counts.onTime}</Table.Td>
      <Table.Td
        ta="right"
        c={counts.afterRefillBy > 0 ? 'orange.9' : undefined}
        fw={counts.afterRefillBy > 0 ? 600 : 400}
      >
        {counts.afterRefillBy}
      </Table.Td>
      <Table.Td ta="right" c={counts.afterAlarm > 0 ? 'red.9' : undefined} fw={counts.afterAlarm > 0 ? 700 : 400}>
        {counts.afterAlarm}
      </Table.Td>
      <Table.Td ta="right" fw={600}>
        {formatRatePct(counts.onTimeRatePct)}
      </Table.Td>
    </>
  );
}

function LateHead({ first }: { first: string }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {LATE_COLUMNS.map((column) => (
          <Table.Th key={column} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** The alarm on the clinic's wall clock as the report gives it ("2026-11-19 05:21"), in the dashboard's words. */
const formatWallClock = (local: string): string => {
  const [date = '', time = ''] = local.split(' ');
  return `${formatLocalDate(date)}, ${time}`;
};

export function OverdueNowTable({
  rows,
  getPatientHref,
}: {
  rows: OverdueReport['overdueNow'];
  getPatientHref: (patientId: string) => string;
}) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        No pump is past its refill-by date.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Overdue now">
        <Table.Thead>
          <Table.Tr>
            {['Patient', 'MRN', 'Refill by', 'Overdue', 'Alarm (clinic time)', 'Alarm'].map((column) => (
              <Table.Th key={column} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.pumpId}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={getPatientHref(row.patientId)} fw={600}>
                    {row.patientName}
                  </Anchor>
                  {row.isHighRisk && <HighRiskBadge size="sm" />}
                </Group>
              </Table.Td>
              <Table.Td ff="monospace">{row.mrn}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalDate(row.refillBy)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={700} c="red.9">
                  {formatDays(row.daysOverdue)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWallClock(row.alarmAtLocal)}</Table.Td>
              <Table.Td>
                {row.isPastAlarm ? (
                  <Badge color="red.9">Past alarm</Badge>
                ) : (
                  <Badge color="orange.6">Before alarm</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ByMonthTable({ months, total }: { months: OverdueReport['byMonth']; total: LateCounts }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Refills per month">
        <LateHead first="Month" />
        <Table.Tbody>
          {months.map((month) => (
            <Table.Tr key={month.month}>
              <Table.Th scope="row" fw={500}>
                {formatMonth(month.month)}
              </Table.Th>
              <LateCells counts={month} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Whole period</Table.Th>
            <LateCells counts={total} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ByClinicianTable({ clinicians }: { clinicians: OverdueReport['byClinician'] }) {
  if (clinicians.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        No refills were recorded in this period.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Refills per clinician">
        <LateHead first="Clinician" />
        <Table.Tbody>
          {clinicians.map((clinician) => (
            <Table.Tr key={clinician.clinicianId}>
              <Table.Th scope="row" fw={500}>
                {clinician.clinicianName}
              </Table.Th>
              <LateCells counts={clinician} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
