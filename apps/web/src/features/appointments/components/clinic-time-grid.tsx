import type { DayHeaderContentArg, EventContentArg, EventDropArg, EventInput, EventMountArg } from '@fullcalendar/core';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { APPOINTMENT_TYPE_LABELS, type AppointmentResponse, type ClinicResponse } from '@itb/contracts';
import { isClinicDay } from '@itb/domain';
import { Anchor, Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import {
  clinicNow,
  formatClinicTime,
  formatClinicTimeRange,
  formatLocalDateWithWeekday,
} from '../../../lib/clinic-time';
import { APPOINTMENT_STATUS_LABELS } from '../lib/appointment-display';
import { addWallMinutes, type DayLoad, gridHours, slotOf, wallClockOf } from '../lib/calendar-events';
import type { CalendarView } from '../lib/calendar-range';
import classes from './calendar.module.css';

export interface CalendarSlot {
  date: string;
  time: string;
}

interface ClinicTimeGridProps {
  view: CalendarView;
  date: string;
  /** The clinic's today: only appointments from today on can be dragged. */
  today: string;
  clinic: ClinicResponse;
  appointments: readonly AppointmentResponse[];
  loads: ReadonlyMap<string, DayLoad>;
  canManage: boolean;
  onOpenDay: (date: string) => void;
  onSelectAppointment: (appointment: AppointmentResponse) => void;
  /** A free slot clicked: book there. */
  onSlot: (slot: CalendarSlot) => void;
  /** A booked appointment dragged to another slot: move it there, once confirmed. */
  onDrop: (appointment: AppointmentResponse, slot: CalendarSlot) => void;
}

const appointmentLabel = (a: AppointmentResponse, timeZone: string) =>
  `${APPOINTMENT_TYPE_LABELS[a.type]}, ${a.patientName}, ${formatClinicTimeRange(a.startsAt, a.durationMinutes, timeZone)}, ${APPOINTMENT_STATUS_LABELS[a.status]}`;

/**
 * An appointment on the grid: the name and start time, the type, and the status unless booked. Its
 * accessible name is this text and then, unseen, the time range and the status: "Smith, Anna 09:00
 * Refill (09:00–09:30, Booked)".
 */
function EventBody({ appointment: a, timeZone }: { appointment: AppointmentResponse; timeZone: string }) {
  return (
    <div className={classes.eventBody}>
      <strong>{a.patientName}</strong>
      <br />
      <span className={classes.eventTime}>{formatClinicTime(a.startsAt, timeZone)}</span>{' '}
      {APPOINTMENT_TYPE_LABELS[a.type]}
      {a.status !== 'booked' && ` · ${APPOINTMENT_STATUS_LABELS[a.status]}`}
      <VisuallyHidden>
        {` (${formatClinicTimeRange(a.startsAt, a.durationMinutes, timeZone)}, ${APPOINTMENT_STATUS_LABELS[a.status]})`}
      </VisuallyHidden>
    </div>
  );
}

function DayHeader({
  date,
  isDayView,
  isOpen,
  load,
  onOpenDay,
}: {
  date: string;
  isDayView: boolean;
  isOpen: boolean;
  load: DayLoad | undefined;
  onOpenDay: (date: string) => void;
}) {
  const label = formatLocalDateWithWeekday(date);
  return (
    <Stack gap={2} align="center" py={4}>
      {isDayView ? (
        <Text fw={700} size="sm">
          {label}
        </Text>
      ) : (
        <Anchor
          component="button"
          type="button"
          fw={700}
          size="sm"
          onClick={() => onOpenDay(date)}
          aria-label={`Open ${label} as a day`}
        >
          {label.replace(/ \d{4}$/, '')}
        </Anchor>
      )}
      <Group gap={4} justify="center" wrap="nowrap">
        {isOpen ? (
          <Text size="xs" c="dimmed" data-testid={`load-${date}`}>
            {load ? `${load.booked}/${load.capacity} booked` : ''}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" fw={600}>
            Closed
          </Text>
        )}
        {load?.isFull && (
          <Badge size="xs" color="orange" variant="filled">
            Full
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/**
 * The week or day as a time grid (FullCalendar): appointments at their clinic times, the clinic's
 * hours shaded, each day's load in its header. A free slot is clicked to book; a booked appointment
 * is dragged to move it. Keyboard users open an appointment with Enter and move it from its menu.
 */
export function ClinicTimeGrid(props: ClinicTimeGridProps) {
  const { view, date, today, clinic, appointments, loads, canManage } = props;
  const calendarRef = useRef<FullCalendar>(null);
  // The grid keeps the callbacks it was given at mount; they read the latest props through this.
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });
  const timeZone = clinic.timeZone;

  useEffect(() => {
    calendarRef.current?.getApi().changeView(view === 'day' ? 'timeGridDay' : 'timeGridWeek', date);
  }, [view, date]);

  const { events, hours } = useMemo(() => {
    const events: EventInput[] = appointments.map((a) => {
      const start = wallClockOf(a, timeZone);
      return {
        // The version in the id: a moved or checked-in appointment is drawn afresh, with its new label.
        id: `${a.id}:${a.version}`,
        start,
        end: addWallMinutes(start, a.durationMinutes),
        editable: canManage && a.status === 'booked' && a.startsOn >= today,
        classNames: [classes.event!],
        extendedProps: { appointment: a },
      };
    });
    const hours = gridHours(
      clinic.opensAt,
      clinic.closesAt,
      events.map((e) => ({ start: e.start as string, end: e.end as string })),
    );
    return { events, hours };
  }, [appointments, timeZone, canManage, today, clinic.opensAt, clinic.closesAt]);

  const appointmentOf = (event: { extendedProps: Record<string, unknown> }) =>
    event.extendedProps.appointment as AppointmentResponse;

  return (
    <div className={classes.grid} data-testid="time-grid">
      <FullCalendar
        ref={calendarRef}
        plugins={[timeGridPlugin, interactionPlugin]}
        initialView={view === 'day' ? 'timeGridDay' : 'timeGridWeek'}
        initialDate={date}
        // The grid's UTC clock stands for the clinic's wall clock (see lib/calendar-events).
        timeZone="UTC"
        now={() => {
          const n = clinicNow(timeZone);
          return `${n.date}T${n.time}:00`;
        }}
        headerToolbar={false}
        firstDay={1}
        allDaySlot={false}
        height="auto"
        expandRows
        slotDuration="00:30:00"
        snapDuration="00:15:00"
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotMinTime={hours.slotMinTime}
        slotMaxTime={hours.slotMaxTime}
        businessHours={{
          daysOfWeek: clinic.clinicDays.map((day) => day % 7),
          startTime: clinic.opensAt,
          endTime: clinic.closesAt,
        }}
        nowIndicator
        events={events}
        eventInteractive
        eventDurationEditable={false}
        eventOverlap
        dayHeaderContent={(arg: DayHeaderContentArg) => {
          const day = arg.date.toISOString().slice(0, 10);
          return (
            <DayHeader
              date={day}
              isDayView={view === 'day'}
              isOpen={isClinicDay(day, clinic.clinicDays)}
              load={loads.get(day)}
              onOpenDay={(d) => handlers.current.onOpenDay(d)}
            />
          );
        }}
        eventContent={(arg: EventContentArg) => {
          return <EventBody appointment={appointmentOf(arg.event)} timeZone={timeZone} />;
        }}
        eventDidMount={(arg: EventMountArg) => {
          const a = appointmentOf(arg.event);
          arg.el.dataset.status = a.status;
          arg.el.setAttribute('role', 'button');
          arg.el.title = appointmentLabel(a, timeZone);
          arg.el.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              handlers.current.onSelectAppointment(appointmentOf(arg.event));
            }
          });
        }}
        eventClick={(arg) => {
          arg.jsEvent.preventDefault();
          handlers.current.onSelectAppointment(appointmentOf(arg.event));
        }}
        dateClick={(arg: DateClickArg) => {
          if (!handlers.current.canManage) return;
          handlers.current.onSlot(slotOf(arg.dateStr));
        }}
        eventDrop={(arg: EventDropArg) => {
          // The grid shows the server's truth: the move is confirmed in a dialog, then reloaded.
          const a = appointmentOf(arg.event);
          const slot = slotOf(arg.event.startStr);
          arg.revert();
          handlers.current.onDrop(a, slot);
        }}
      />
    </div>
  );
}
