import type { AppointmentResponse, ClinicResponse } from '@itb/contracts';
import { isClinicDay } from '@itb/domain';
import {
  ActionIcon,
  Anchor,
  Badge,
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
import { IconCalendarOff, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { formatClinicDays, formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { useAppointmentsInRange } from '../api/get-appointments';
import { calendarRange, parseCalendarDate, shiftCalendarDate, type CalendarView } from '../lib/calendar-range';
import { AppointmentCard } from './appointment-card';
import classes from './calendar.module.css';

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
}

function rangeTitle(view: CalendarView, days: string[]): string {
  if (view === 'day') return formatLocalDateWithWeekday(days[0]!, { long: true });
  return `${formatLocalDateWithWeekday(days[0]!)} – ${formatLocalDateWithWeekday(days[days.length - 1]!)}`;
}

const countText = (count: number) => (count === 1 ? '1 appointment' : `${count} appointments`);

interface DayColumnProps extends Pick<
  AppointmentCalendarProps,
  'clinic' | 'canManage' | 'getPatientHref' | 'getRecordRefillHref' | 'onNavigate'
> {
  date: string;
  isToday: boolean;
  isDayView: boolean;
  appointments: AppointmentResponse[];
}

function DayColumn({ date, isToday, isDayView, appointments, clinic, onNavigate, ...cardProps }: DayColumnProps) {
  const isOpen = isClinicDay(date, clinic.clinicDays);
  const label = formatLocalDateWithWeekday(date);
  const className = [classes.day, isDayView && classes.dayView, !isOpen && classes.closed, isToday && classes.today]
    .filter(Boolean)
    .join(' ');
  return (
    <section className={className} aria-label={label} data-date={date} data-clinic-day={isOpen}>
      <Stack gap={2}>
        <Group justify="space-between" gap={4} wrap="wrap">
          {isDayView ? (
            <Text fw={700}>{label}</Text>
          ) : (
            <Anchor
              component="button"
              type="button"
              fw={700}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
              onClick={() => onNavigate({ view: 'day', date })}
              aria-label={`Open ${label} as a day`}
            >
              {label.replace(/ \d{4}$/, '')}
            </Anchor>
          )}
          {isToday && (
            <Badge size="xs" variant="filled" style={{ minWidth: 'max-content' }}>
              Today
            </Badge>
          )}
        </Group>
        {!isOpen && (
          <Group gap={4} wrap="nowrap">
            <IconCalendarOff size={14} aria-hidden color="var(--mantine-color-gray-7)" />
            <Text size="xs" c="dimmed" fw={600}>
              Not a clinic day
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {appointments.length === 0 ? 'No appointments' : countText(appointments.length)}
        </Text>
      </Stack>
      {appointments.map((appointment) => (
        <AppointmentCard
          key={appointment.id}
          appointment={appointment}
          timeZone={clinic.timeZone}
          layout={isDayView ? 'inline' : 'menu'}
          {...cardProps}
        />
      ))}
    </section>
  );
}

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

/** Appointments by day or by Monday-to-Sunday week, on the clinic's clock, closed days hatched. */
export function AppointmentCalendar(props: AppointmentCalendarProps) {
  const { view, date, today, clinic, onNavigate } = props;
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
    const byDate = new Map<string, AppointmentResponse[]>(range.days.map((day) => [day, []]));
    for (const appointment of appointmentsQuery.data ?? []) byDate.get(appointment.startsOn)?.push(appointment);
    // Closed days with nothing booked (weekends, usually) give their width to the working days.
    const weekColumns = range.days
      .map((day) =>
        !isClinicDay(day, clinic.clinicDays) && byDate.get(day)?.length === 0 ? 'minmax(0, 0.8fr)' : 'minmax(0, 1fr)',
      )
      .join(' ');
    body = (
      <Box
        className={isDayView ? undefined : classes.week}
        style={{
          opacity: appointmentsQuery.isPlaceholderData ? 0.6 : 1,
          ...(isDayView ? {} : { '--week-columns': weekColumns }),
        }}
        aria-busy={appointmentsQuery.isPlaceholderData}
      >
        {range.days.map((day) => (
          <DayColumn
            key={day}
            {...props}
            date={day}
            isToday={day === today}
            isDayView={isDayView}
            appointments={byDate.get(day) ?? []}
          />
        ))}
      </Box>
    );
  }

  const total = appointmentsQuery.data?.length ?? 0;
  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="xs" wrap="nowrap">
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
            <Stack gap={0} ml="xs">
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
          <Group gap="sm" wrap="nowrap" className="no-print">
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
        {body}
      </Stack>
    </Card>
  );
}
