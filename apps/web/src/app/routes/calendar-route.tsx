import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { AppointmentCalendar } from '../../features/appointments/components/appointment-calendar';
import { isCalendarView, parseCalendarDate, type CalendarView } from '../../features/appointments/lib/calendar-range';
import { can, useCurrentUser } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { todayIn } from '../../lib/format';
import { paths } from '../paths';
import type { CalendarSlot } from '../../features/appointments/components/clinic-time-grid';
import { CalendarBookingModal } from './calendar-booking-modal';
import { NotAllowed } from './not-allowed';

/** Appointments by day or week; the view and date live in the address, so Back and links work. */
export function CalendarRoute() {
  const me = useCurrentUser();
  const clinicQuery = useClinic();
  const [searchParams, setSearchParams] = useSearchParams();
  const [booking, setBooking] = useState<CalendarSlot | null | undefined>(undefined);
  if (!can(me, 'calendar:view')) {
    return <NotAllowed title="Calendar" reason="The appointment calendar is for specialists and nurses." />;
  }
  const today = todayIn(me.clinic.timeZone);
  const viewParam = searchParams.get('view');
  const view: CalendarView = isCalendarView(viewParam) ? viewParam : 'week';
  const date = parseCalendarDate(searchParams.get('date')) ?? today;

  const header = (
    <PageHeader title="Calendar" description={`Appointments at ${me.clinic.name}, on the clinic's clock`} />
  );
  if (clinicQuery.isPending) {
    return (
      <>
        {header}
        <PageLoader label="Loading the clinic's days and hours" />
      </>
    );
  }
  if (clinicQuery.isError) {
    return (
      <>
        {header}
        <QueryError
          title="Could not load the clinic's days and hours"
          error={clinicQuery.error}
          onRetry={() => void clinicQuery.refetch()}
          isRetrying={clinicQuery.isRefetching}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <AppointmentCalendar
        view={view}
        date={date}
        today={today}
        clinic={clinicQuery.data}
        canManage={can(me, 'appointment:manage')}
        onNavigate={(next) => setSearchParams({ view: next.view, date: next.date })}
        getPatientHref={paths.patient.getHref}
        getRecordRefillHref={paths.recordRefill.getHref}
        onBook={setBooking}
      />
      <CalendarBookingModal
        slot={booking}
        date={date}
        clinic={clinicQuery.data}
        today={today}
        onClose={() => setBooking(undefined)}
      />
    </>
  );
}
