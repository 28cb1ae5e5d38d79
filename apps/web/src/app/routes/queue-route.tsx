import { Button } from '@mantine/core';
import { IconCalendarWeek } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { BookAppointmentModal } from '../../features/appointments/components/book-appointment-modal';
import type { BookingPatient } from '../../features/appointments/components/book-appointment-form';
import { RefillQueue } from '../../features/queue/components/refill-queue';
import { can, useCurrentUser } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { todayIn } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';

const getCalendarDayHref = (date: string) => paths.calendar.getHref({ view: 'day', date });

/** The specialist's home: every pump due within the window, overdue first, with booking in place. */
export function QueueRoute() {
  const me = useCurrentUser();
  const clinicQuery = useClinic();
  const [booking, setBooking] = useState<BookingPatient | null>(null);
  if (!can(me, 'queue:view')) {
    return <NotAllowed title="Refill queue" reason="The refill queue is for specialists and nurses." />;
  }
  const timeZone = me.clinic.timeZone;
  const today = todayIn(timeZone);
  const clinic = clinicQuery.data;
  const canBook = can(me, 'appointment:manage') && clinic !== undefined;

  return (
    <>
      <PageHeader
        title="Refill queue"
        description={`${me.clinic.name} · overdue pumps first, then by refill-by date`}
        actions={
          can(me, 'calendar:view') ? (
            <Button
              component={Link}
              to={paths.calendar.getHref()}
              variant="default"
              leftSection={<IconCalendarWeek size={16} aria-hidden />}
            >
              Calendar
            </Button>
          ) : undefined
        }
      />
      <RefillQueue
        userId={me.id}
        canFilterMine={me.role === 'specialist'}
        timeZone={timeZone}
        today={today}
        getPatientHref={paths.patient.getHref}
        getCalendarDayHref={getCalendarDayHref}
        onBook={
          canBook
            ? (row) =>
                setBooking({
                  patientId: row.patientId,
                  patientName: row.patientName,
                  proposedDate: row.proposedDate,
                  refillBy: row.refillBy,
                })
            : undefined
        }
      />
      {clinic && (
        <BookAppointmentModal patient={booking} clinic={clinic} today={today} onClose={() => setBooking(null)} />
      )}
    </>
  );
}
