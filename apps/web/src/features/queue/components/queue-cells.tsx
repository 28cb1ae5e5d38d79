import type { RefillQueueRow } from '@itb/contracts';
import { daysBetween, PUMP_CATALOGUE, toLocalDate, type PumpModel } from '@itb/domain';
import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagonFilled, IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatClinicTime, formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { formatDays, formatInstantDate, formatLocalDate, formatMl, withoutDrugText } from '../../../lib/format';
import { WorstFlagBadge } from './worst-flag-badge';

/** What the queue's table (desk) and cards (phone) are drawn from. */
export interface QueueViewProps {
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

/** The patient's name (to their page), the high-risk marker, MRN and primary specialist. */
export function PatientCell({
  row,
  getPatientHref,
}: {
  row: RefillQueueRow;
  getPatientHref: (patientId: string) => string;
}) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Anchor component={Link} to={getPatientHref(row.patientId)} fw={600} style={{ overflowWrap: 'anywhere' }}>
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
  );
}

/** Volume now, with the reservoir's size beneath. */
export function VolumeCell({ row }: { row: RefillQueueRow }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {formatMl(row.volumeNowMl)}
      </Text>
      <Text size="xs" c="dimmed">
        of {formatMl(row.reservoirMl)}
      </Text>
    </>
  );
}

export function WorstFlagCell({ row }: { row: RefillQueueRow }) {
  return row.worstFlag ? (
    <WorstFlagBadge flag={row.worstFlag} />
  ) : (
    <Text size="sm" c="dimmed">
      None open
    </Text>
  );
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

export function RefillByCell({ row, today }: { row: RefillQueueRow; today: string }) {
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

/**
 * Days to the low-reservoir alarm, and under it the alarm's date and time on the clinic's clock. A
 * reservoir already dry says so instead, in red: since when, and how long without drug.
 */
export function AlarmCell({ row, timeZone }: { row: RefillQueueRow; timeZone: string }) {
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

export function NextAppointmentCell({
  row,
  timeZone,
  getCalendarDayHref,
  onBook,
}: Pick<QueueViewProps, 'timeZone' | 'getCalendarDayHref' | 'onBook'> & { row: RefillQueueRow }) {
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
