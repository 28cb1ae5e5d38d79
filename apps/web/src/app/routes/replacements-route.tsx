import type { ReplacementWorklistRow } from '@itb/contracts';
import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { BookAppointmentModal } from '../../features/appointments/components/book-appointment-modal';
import type { BookingPatient } from '../../features/appointments/components/book-appointment-form';
import { DEFAULT_WINDOW_DAYS, ReplacementWorklist } from '../../features/replacements/components/replacement-worklist';
import { can, useCurrentUser } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { todayIn } from '../../lib/format';
import { paths } from '../paths';

/** Pumps by the date they need replacing, for planning the operation and booking its consult. */
export function ReplacementsRoute() {
  const me = useCurrentUser();
  const { data: clinic } = useClinic();
  const timeZone = me.clinic.timeZone;
  const [withinDays, setWithinDays] = useState(DEFAULT_WINDOW_DAYS);
  const [booking, setBooking] = useState<BookingPatient | null>(null);
  const canBook = can(me, 'appointment:manage');
  const book = (row: ReplacementWorklistRow) =>
    setBooking({
      patientId: row.patientId,
      patientName: row.patientName,
      proposedDate: null,
      type: 'replacement_consult',
    });
  return (
    <>
      <PageHeader
        title="Replacement worklist"
        description={`${me.clinic.name} · pumps by the ERI date, or the model's estimate where no interrogation gave one`}
      />
      <ReplacementWorklist
        withinDays={withinDays}
        onWithinDaysChange={setWithinDays}
        timeZone={timeZone}
        getPatientHref={paths.patient.getHref}
        onBook={canBook ? book : undefined}
      />
      {clinic && (
        <BookAppointmentModal
          patient={booking}
          clinic={clinic}
          today={todayIn(timeZone)}
          onClose={() => setBooking(null)}
        />
      )}
    </>
  );
}
