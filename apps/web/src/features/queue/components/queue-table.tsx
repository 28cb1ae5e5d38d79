import type { RefillQueueRow } from '@itb/contracts';
import { daysBetween, PUMP_CATALOGUE, toLocalDate, type PumpModel } from '@itb/domain';
import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagonFilled, IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatClinicTime, formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { formatDays, formatInstantDate, formatLocalDate, formatMl } from '../../../lib/format';
import { WorstFlagBadge } from './worst-flag-badge';

const COLUMNS = [
  'Patient',
  'Pump',
  'Volume now',
  'Days to alarm',
  'Refill by',
  'Next appointment',
  'Worst flag',
] as const;

export interface QueueTableProps {
  rows: RefillQueueRow[];
  timeZone: string;
  /** The clinic's today, `YYYY-MM-DD`. */
  today: string;
  getPatientHref: (patientId: string) => string;
  /** The calendar's day view of a clinic date. */
  getCalendarDayHref: (date: string) => string;
  /** Opens the booking dialog; absent for a role that cannot book. */
  onBook?: (row: RefillQueueRow) => void;
}

export const pumpModelLabel = (row: Pick<RefillQueueRow, 'pumpModel' | 'reservoirMl'>): string => {
  const spec = PUMP_CATALOGUE[row.pumpModel as PumpModel] as (typeof PUMP_CATALOGUE)[PumpModel] | undefined;
  if (!spec || row.pumpModel === 'other') return `Other pump, ${formatMl(row.reservoirMl)}`;
  return spec.label;
};

/** "Overdue 10 days" in words, so the red never stands alone. */
export const overdueText = (daysOverdue: number): string => `Overdue ${formatDays(daysOverdue)}`;

function dueText(today: string, refillBy: string): string {
  const days = daysBetween(today, refillBy);
  if (days <= 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${formatDays(days)}`;
}

function RefillByCell({ row, today }: { row: RefillQueueRow; today: string }) {
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" fw={row.isOverdue ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {formatLocalDate(row.refillBy)}
      </Text>
      {row.isOverdue ? (
        <Badge
          color="red.9"
          leftSection={<IconAlertOctagonFilled size={12} aria-hidden />}
          data-testid="overdue-badge"
          style={{ minWidth: 'max-content' }}
        >
          {overdueText(row.daysOverdue)}
        </Badge>
      ) : (
        <Text size="xs" c="dimmed">
          {dueText(today, row.refillBy)}
        </Text>
      )}
    </Stack>
  );
}

/** "2 days without drug", "14 hours without drug": how long a dry reservoir has been dry. */
function withoutDrugText(hours: number): string {
  if (hours < 24) return `${hours < 1 ? 'under an hour' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`} without drug`;
  return `${formatDays(Math.floor(hours / 24))} without drug`;
}

/**
 * Days to the low-reservoir alarm, and under it the alarm's date and time on the clinic's clock. A
 * reservoir already dry says so instead, in red: since when, and how long without drug.
 */
function AlarmCell({ row, timeZone }: { row: RefillQueueRow; timeZone: string }) {
  const days = row.daysToAlarm;
  const isSoon = days <= 7;
  if (row.hoursWithoutDrug !== null) {
    return (
      <Stack gap={2} data-testid="reservoir-empty">
        <Text size="sm" fw={700} c="red.9">
          Empty since {formatInstantDate(row.emptyAt, timeZone)}
        </Text>
        <Text size="xs" fw={700} c="red.9">
          {withoutDrugText(row.hoursWithoutDrug)}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      {days < 0 ? (
        <Text size="sm" fw={700} c="red.9">
          Alarm passed
        </Text>
      ) : (
        <Text size="sm" fw={isSoon ? 700 : 400} c={isSoon ? 'orange.9' : undefined}>
          {days === 0 ? 'Alarm today' : formatDays(days)}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="alarm-at">
        {formatInstantDate(row.alarmAt, timeZone)}, {formatClinicTime(row.alarmAt, timeZone)}
      </Text>
    </Stack>
  );
}

function NextAppointmentCell({
  row,
  timeZone,
  getCalendarDayHref,
  onBook,
}: Pick<QueueTableProps, 'timeZone' | 'getCalendarDayHref' | 'onBook'> & { row: RefillQueueRow }) {
  const next = row.nextAppointment;
  if (next) {
    const date = toLocalDate(new Date(next.startsAt), timeZone);
    return (
      <Stack gap={2} data-testid="next-appointment">
        <Anchor component={Link} to={getCalendarDayHref(date)} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatLocalDateWithWeekday(date)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatClinicTime(next.startsAt, timeZone)} · {next.status === 'arrived' ? 'Checked in' : 'Booked'}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      {onBook ? (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconCalendarPlus size={14} aria-hidden />}
          onClick={() => onBook(row)}
          aria-label={`Book refill for ${row.patientName}`}
        >
          Book
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Not booked
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="proposed-date">
        {row.proposedDate
          ? `Proposed ${formatLocalDateWithWeekday(row.proposedDate)}`
          : 'No clinic days set to propose a date'}
      </Text>
    </Stack>
  );
}

/** Overdue rows carry a red tint and a red edge, besides the words in the refill-by column. */
const OVERDUE_ROW_STYLE = {
  backgroundColor: 'var(--mantine-color-red-0)',
  boxShadow: 'inset 4px 0 0 var(--mantine-color-red-8)',
};

export function QueueTable({ rows, timeZone, today, getPatientHref, getCalendarDayHref, onBook }: QueueTableProps) {
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table aria-label="Due-refill queue" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.pumpId}
              data-overdue={row.isOverdue || undefined}
              style={row.isOverdue ? OVERDUE_ROW_STYLE : undefined}
            >
              <Table.Td miw={180}>
                <Stack gap={2}>
                  <Group gap={6} wrap="wrap">
                    <Anchor
                      component={Link}
                      to={getPatientHref(row.patientId)}
                      fw={600}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {row.patientName}
                    </Anchor>
                    {row.isHighRisk && <HighRiskBadge size="sm" style={{ minWidth: 'max-content' }} />}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    <VisuallyHidden>MRN </VisuallyHidden>
                    <Text span ff="monospace" size="xs">
                      {row.mrn}
                    </Text>
                    {row.primarySpecialistName && ` · ${row.primarySpecialistName}`}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pumpModelLabel(row)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatMl(row.volumeNowMl)}
                </Text>
                <Text size="xs" c="dimmed">
                  of {formatMl(row.reservoirMl)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AlarmCell row={row} timeZone={timeZone} />
              </Table.Td>
              <Table.Td>
                <RefillByCell row={row} today={today} />
              </Table.Td>
              <Table.Td>
                <NextAppointmentCell
                  row={row}
                  timeZone={timeZone}
                  getCalendarDayHref={getCalendarDayHref}
                  onBook={onBook}
                />
              </Table.Td>
              <Table.Td>
                {row.worstFlag ? (
                  <WorstFlagBadge flag={row.worstFlag} />
                ) : (
                  <Text size="sm" c="dimmed">
                    None open
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads; not a table, so it never answers for the real one. */
export function QueueTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="md" role="status" py="xs">
      <VisuallyHidden>Loading the refill queue</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Group key={row} gap="lg" wrap="nowrap" aria-hidden>
          <Skeleton height={14} radius="sm" w="22%" />
          <Skeleton height={14} radius="sm" w="14%" />
          <Skeleton height={14} radius="sm" w="8%" />
          <Skeleton height={14} radius="sm" w="8%" />
          <Skeleton height={14} radius="sm" w="14%" />
          <Skeleton height={14} radius="sm" w="12%" />
          <Skeleton height={14} radius="sm" w="12%" />
        </Group>
      ))}
    </Stack>
  );
}
