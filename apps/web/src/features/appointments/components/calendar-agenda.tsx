import type { AppointmentResponse, ClinicResponse } from '@itb/contracts';
import { isClinicDay } from '@itb/domain';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import type { DayLoad } from '../lib/calendar-events';
import { AppointmentCard } from './appointment-card';
import classes from './calendar.module.css';

export interface AgendaProps {
  clinic: ClinicResponse;
  canManage: boolean;
  getPatientHref: (patientId: string) => string;
  getRecordRefillHref: (patientId: string) => string;
  onOpenDay: (date: string) => void;
}

const countText = (count: number) => (count === 1 ? '1 appointment' : `${count} appointments`);

interface DayColumnProps extends AgendaProps {
  date: string;
  isToday: boolean;
  isDayView: boolean;
  appointments: AppointmentResponse[];
  load: DayLoad | undefined;
}

/** One clinic day as a list of appointment cards, each with its actions: the phone's calendar, and the day view's list. */
export function DayColumn({
  date,
  isToday,
  isDayView,
  appointments,
  load,
  clinic,
  onOpenDay,
  ...cardProps
}: DayColumnProps) {
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
              onClick={() => onOpenDay(date)}
              aria-label={`Open ${label} as a day`}
            >
              {label.replace(/ \d{4}$/, '')}
            </Anchor>
          )}
          <Group gap={4}>
            {load?.isFull && (
              <Badge size="xs" color="orange" variant="filled">
                Full
              </Badge>
            )}
            {isToday && (
              <Badge size="xs" variant="filled" style={{ minWidth: 'max-content' }}>
                Today
              </Badge>
            )}
          </Group>
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
          {isOpen && load && ` · ${load.booked} of ${load.capacity} slots taken`}
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
