import type { AppointmentResponse, ClinicResponse } from '@itb/contracts';
import { isClinicDay } from '@itb/domain';
import {
  ActionIcon,
  Box,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { formatClinicDays, formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { useAppointmentsInRange } from '../api/get-appointments';
import { dayLoads } from '../lib/calendar-events';
import { calendarRange, parseCalendarDate, shiftCalendarDate, type CalendarView } from '../lib/calendar-range';
import { AppointmentDetailsModal } from './appointment-details-modal';
import { DayColumn } from './calendar-agenda';
import classes from './calendar.module.css';
import { type CalendarSlot, ClinicTimeGrid } from './clinic-time-grid';
import { RescheduleAppointmentModal, type RescheduleTarget } from './reschedule-appointment-modal';

export interface AppointmentCalendarProps {
  view: CalendarView;
  /** A clinic date inside the day or week shown. */
  date: string;
  today: string;
  clinic: ClinicResponse;
  canManage: boolean;
  onNavigate: (next: { view: CalendarView; date: string }) => void;
  getPatientHref: (patientId: string) => string;
  getRecordRefillHref: (patientId: string) => string;
  /** Book at a slot clicked on the grid, or (null) from the "New appointment" button. */
  onBook?: (slot: CalendarSlot | null) => void;
}

function rangeTitle(view: CalendarView, days: string[]): string {
  if (view === 'day') return formatLocalDateWithWeekday(days[0]!, { long: true });
  return `${formatLocalDateWithWeekday(days[0]!)} – ${formatLocalDateWithWeekday(days[days.length - 1]!)}`;
}

const countText = (count: number) => (count === 1 ? '1 appointment' : `${count} appointments`);

function CalendarSkeleton({ columns }: { columns: number }) {
  return (
    <Box className={columns === 1 ? undefined : classes.week} role="status">
      <VisuallyHidden>Loading appointments</VisuallyHidden>
      {Array.from({ length: columns }, (_, i) => (
        <Skeleton key={i} height={160} radius="md" aria-hidden mb={columns === 1 ? 'sm' : 0} />
      ))}
    </Box>
  );
}

/**
 * Appointments by day or by Monday-to-Sunday week, on the clinic's clock: a time grid on a desk (click
 * a free slot to book, drag to move), each day's cards on a phone and under the day view's grid.
 */
export function AppointmentCalendar(props: AppointmentCalendarProps) {
  const { view, date, today, clinic, onNavigate, onBook } = props;
  // The time grid needs a desk's width; a phone gets each day as a list of cards.
  const isWide = useMediaQuery('(min-width: 48em)') ?? false;
  // The opened appointment by id, so its card follows the reloads its own actions cause.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dropped, setDropped] = useState<RescheduleTarget | null>(null);
  const openDay = (day: string) => onNavigate({ view: 'day', date: day });
  const range = calendarRange(view, date);
  const appointmentsQuery = useAppointmentsInRange({ from: range.from, to: range.to });
  const isDayView = view === 'day';
  const unit = isDayView ? 'day' : 'week';

  let body: ReactNode;
  if (appointmentsQuery.isPending) {
    body = <CalendarSkeleton columns={range.days.length} />;
  } else if (appointmentsQuery.isError && !appointmentsQuery.data) {
    body = (
      <QueryError
        title="Could not load appointments"
        error={appointmentsQuery.error}
        onRetry={() => void appointmentsQuery.refetch()}
        isRetrying={appointmentsQuery.isRefetching}
      />
    );
  } else {
    const appointments = appointmentsQuery.data ?? [];
    const byDate = new Map<string, AppointmentResponse[]>(range.days.map((day) => [day, []]));
    for (const appointment of appointments) byDate.get(appointment.startsOn)?.push(appointment);
    const loads = dayLoads(appointments, range.days, clinic.slotsPerDay);
    const agendaProps = {
      clinic,
      canManage: props.canManage,
      getPatientHref: props.getPatientHref,
      getRecordRefillHref: props.getRecordRefillHref,
      onOpenDay: openDay,
    };
    // Closed days with nothing booked (weekends, usually) give their width to the working days.
    const weekColumns = range.days
      .map((day) =>
        !isClinicDay(day, clinic.clinicDays) && byDate.get(day)?.length === 0 ? 'minmax(0, 0.8fr)' : 'minmax(0, 1fr)',
      )
      .join(' ');
    body = (
      <Stack
        gap="md"
        style={{ opacity: appointmentsQuery.isPlaceholderData ? 0.6 : 1 }}
        aria-busy={appointmentsQuery.isPlaceholderData}
      >
        {isWide && (
          <ClinicTimeGrid
            view={view}
            date={date}
            today={today}
            clinic={clinic}
            appointments={appointments}
            loads={loads}
            canManage={props.canManage && Boolean(onBook)}
            onOpenDay={openDay}
            onSelectAppointment={(appointment) => setSelectedId(appointment.id)}
            onSlot={(slot) => onBook?.(slot)}
            onDrop={(appointment, slot) => setDropped({ appointment, ...slot })}
          />
        )}
        {/* A desk's week is the grid on screen; on paper (which cannot show the grid) it is the lists. */}
        {
          <Box
            className={[!isDayView && classes.week, isWide && !isDayView && classes.printOnly]
              .filter(Boolean)
              .join(' ')}
            style={isDayView ? undefined : { '--week-columns': weekColumns }}
          >
            {range.days.map((day) => (
              <DayColumn
                key={day}
                {...agendaProps}
                date={day}
                isToday={day === today}
                isDayView={isDayView}
                appointments={byDate.get(day) ?? []}
                load={loads.get(day)}
              />
            ))}
          </Box>
        }
      </Stack>
    );
  }

  const total = appointmentsQuery.data?.length ?? 0;
  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="md">
          {/* The buttons keep their size; on a phone the range's title goes below them. */}
          <Group gap="xs" wrap="wrap">
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Previous ${unit}`}
                onClick={() => onNavigate({ view, date: shiftCalendarDate(view, date, -1) })}
              >
                <IconChevronLeft size={18} aria-hidden />
              </ActionIcon>
              <Button variant="default" onClick={() => onNavigate({ view, date: today })}>
                Today
              </Button>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Next ${unit}`}
                onClick={() => onNavigate({ view, date: shiftCalendarDate(view, date, 1) })}
              >
                <IconChevronRight size={18} aria-hidden />
              </ActionIcon>
            </Group>
            <Stack gap={0} ml="xs" miw={0}>
              <Title order={2} fz="lg" data-testid="calendar-range">
                {rangeTitle(view, range.days)}
              </Title>
              <Text size="xs" c="dimmed" aria-live="polite">
                {appointmentsQuery.isPending ? 'Loading…' : countText(total)} · clinic days{' '}
                {formatClinicDays(clinic.clinicDays)}, {clinic.opensAt}–{clinic.closesAt} ({clinic.timeZone})
              </Text>
            </Stack>
            {appointmentsQuery.isFetching && !appointmentsQuery.isPending && <Loader size="xs" aria-hidden />}
          </Group>
          <Group gap="sm" wrap="wrap" className="no-print">
            {props.canManage && onBook && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onBook(null)}>
                New appointment
              </Button>
            )}
            <TextInput
              type="date"
              aria-label="Go to date"
              value={date}
              onChange={(event) => {
                const picked = parseCalendarDate(event.currentTarget.value);
                if (picked) onNavigate({ view, date: picked });
              }}
              w={160}
            />
            <SegmentedControl
              aria-label="Calendar view"
              value={view}
              onChange={(value) => onNavigate({ view: value === 'day' ? 'day' : 'week', date })}
              data={[
                { value: 'day', label: 'Day' },
                { value: 'week', label: 'Week' },
              ]}
            />
          </Group>
        </Group>
        {isWide && props.canManage && onBook && (
          <Text size="xs" c="dimmed" className="no-print">
            Click a free slot to book there; drag a booked appointment to move it. Each day shows how many of its{' '}
            {clinic.slotsPerDay} slots are taken.
          </Text>
        )}
        {body}
      </Stack>
      <AppointmentDetailsModal
        appointment={appointmentsQuery.data?.find((a) => a.id === selectedId) ?? null}
        onClose={() => setSelectedId(null)}
        clinic={clinic}
        canManage={props.canManage}
        getPatientHref={props.getPatientHref}
        getRecordRefillHref={props.getRecordRefillHref}
      />
      <RescheduleAppointmentModal target={dropped} clinic={clinic} today={today} onClose={() => setDropped(null)} />
    </Card>
  );
}
