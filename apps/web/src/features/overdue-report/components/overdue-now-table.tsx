import type { OverdueNowRow } from '@itb/contracts';
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatDays, formatInstant, formatLocalDate } from '../../../lib/format';

const COLUMNS = [
  'Patient',
  'Overdue',
  'Refill by',
  'Refill appointment',
  'Phone',
  'Emergency contact',
  'Primary specialist',
  'Last refill',
  'Projected empty',
] as const;

const none = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

function AppointmentCell({ appointment, timeZone }: { appointment: OverdueNowRow['appointment']; timeZone: string }) {
  if (!appointment) {
    return (
      <Text span size="sm" c="red.9" fw={600}>
        None booked
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {appointment.state === 'missed' ? (
        <Badge color="red" variant="light" size="sm">
          Missed
        </Badge>
      ) : (
        <Badge color="blue" variant="light" size="sm">
          Booked
        </Badge>
      )}
      <Text size="sm">{formatInstant(appointment.startsAt, timeZone)}</Text>
    </Stack>
  );
}

interface OverdueNowTableProps {
  rows: OverdueNowRow[];
  timeZone: string;
  getPatientHref: (patientId: string) => string;
}

/** Pumps past their refill-by date today, with what a coordinator needs to reach the patient. */
export function OverdueNowTable({ rows, timeZone, getPatientHref }: OverdueNowTableProps) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        No pump is past its refill-by date.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table aria-label="Overdue now" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.pumpId} data-high-risk={row.isHighRisk || undefined}>
              <Table.Th scope="row" fw={400} miw={210}>
                <Anchor component={Link} to={getPatientHref(row.patientId)} fw={600}>
                  {row.patientName}
                </Anchor>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    MRN {row.mrn}
                  </Text>
                  {row.isHighRisk && <HighRiskBadge size="xs" style={{ flexShrink: 0 }} />}
                </Group>
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={700} c="red.9">
                  {formatDays(row.daysOverdue)}
                </Text>
                {row.isPastAlarm ? (
                  <Badge color="red.9" size="sm" style={{ minWidth: 'max-content' }}>
                    Past alarm
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    alarm {formatInstant(row.alarmAt, timeZone)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalDate(row.refillBy)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AppointmentCell appointment={row.appointment} timeZone={timeZone} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.phone ? <Anchor href={`tel:${row.phone.replace(/[^\d+]/g, '')}`}>{row.phone}</Anchor> : none}
              </Table.Td>
              <Table.Td>{row.emergencyContact ?? none}</Table.Td>
              <Table.Td>{row.primarySpecialistName ?? none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalDate(row.lastRefillOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={row.isPastAlarm ? 'red.9' : undefined} fw={row.isPastAlarm ? 600 : 400}>
                  {formatInstant(row.emptyAt, timeZone)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
