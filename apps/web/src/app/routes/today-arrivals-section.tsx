import type { MeResponse } from '@itb/contracts';
import { Stack } from '@mantine/core';
import { IconDoorEnter } from '@tabler/icons-react';
import { useAppointmentsInRange } from '../../features/appointments/api/get-appointments';
import { AppointmentCard } from '../../features/appointments/components/appointment-card';
import { TodaySection } from '../../features/today/components/today-section';
import { arrivalsOf, tallyArrivals, type ArrivalsTally } from '../../features/today/lib/todays-work';
import { can } from '../../lib/auth';
import { paths } from '../paths';

/** "2 checked in · 1 late · 3 still to come · 1 seen": only the parts that are not zero. */
function tallyText(tally: ArrivalsTally): string {
  const parts: [number, string][] = [
    [tally.checkedIn, 'checked in'],
    [tally.late, 'late'],
    [tally.waiting, 'still to come'],
    [tally.seen, 'seen'],
    [tally.noShows, tally.noShows === 1 ? 'no-show' : 'no-shows'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`)
    .join(' · ');
}

/** Today's appointments in start order, with check-in (and no-show, cancel) from the calendar's own card. */
export function TodayArrivalsSection({ me, today }: { me: MeResponse; today: string }) {
  const appointmentsQuery = useAppointmentsInRange({ from: today, to: today });
  const arrivals = arrivalsOf(appointmentsQuery.data ?? []);
  return (
    <TodaySection
      title="Arrivals"
      subject="today's arrivals"
      count={appointmentsQuery.data ? String(arrivals.length) : undefined}
      summary={arrivals.length > 0 ? tallyText(tallyArrivals(arrivals)) : undefined}
      query={appointmentsQuery}
      isEmpty={arrivals.length === 0}
      empty={{
        icon: <IconDoorEnter aria-hidden />,
        title: 'No arrivals yet today',
        description: 'Appointments booked for today appear here, ready to check in.',
      }}
    >
      <Stack gap="xs">
        {arrivals.map((appointment) => (
          <AppointmentCard
            key={appointment.id}
            appointment={appointment}
            timeZone={me.clinic.timeZone}
            layout="inline"
            canManage={can(me, 'appointment:manage')}
            getPatientHref={paths.patient.getHref}
            getRecordRefillHref={paths.recordRefill.getHref}
          />
        ))}
      </Stack>
    </TodaySection>
  );
}
