import type { ClinicResponse } from '@itb/contracts';
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BookingPatient } from '../../features/appointments/components/book-appointment-form';
import { BookAppointmentModal } from '../../features/appointments/components/book-appointment-modal';
import type { CalendarSlot } from '../../features/appointments/components/clinic-time-grid';
import { PatientPicker } from '../../features/patients/components/patient-picker';
import { formatLocalDateWithWeekday } from '../../lib/clinic-time';

interface CalendarBookingModalProps {
  /** Open when defined: a clicked slot, or null for "New appointment" on the day shown. */
  slot: CalendarSlot | null | undefined;
  /** The day the calendar shows, for a booking from the button. */
  date: string;
  clinic: ClinicResponse;
  today: string;
  onClose: () => void;
}

/** Booking from the calendar: who first (searched by name or MRN), then the booking form at the slot. */
export function CalendarBookingModal({ slot, date, clinic, today, onClose }: CalendarBookingModalProps) {
  const [patient, setPatient] = useState<BookingPatient | null>(null);
  if (slot === undefined) return null;
  const close = () => {
    setPatient(null);
    onClose();
  };
  const start = slot ?? { date: date < today ? today : date, time: undefined };
  return (
    <BookAppointmentModal
      patient={patient}
      clinic={clinic}
      today={today}
      onClose={close}
      choosePatient={
        <Stack>
          {slot && (
            <Text size="sm">
              {formatLocalDateWithWeekday(slot.date)} at {slot.time}, clinic time ({clinic.timeZone}).
            </Text>
          )}
          <PatientPicker
            onPick={(picked) =>
              setPatient({
                patientId: picked.id,
                patientName: `${picked.familyName}, ${picked.givenName}`,
                proposedDate: start.date,
                proposedTime: start.time,
              })
            }
          />
        </Stack>
      }
    />
  );
}
