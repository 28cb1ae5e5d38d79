import { APPOINTMENT_TYPE_LABELS, type AppointmentResponse, type ClinicResponse } from '@itb/contracts';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { BookAppointmentForm, type BookingPatient } from './book-appointment-form';
import { bookedSlotText } from './booked-slot-text';

/** After a booking the server's warnings (not a clinic day, outside hours) stay until read. */
function BookedWithWarnings({
  appointment,
  timeZone,
  onDone,
}: {
  appointment: AppointmentResponse;
  timeZone: string;
  onDone: () => void;
}) {
  return (
    <Stack>
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Booked">
        {APPOINTMENT_TYPE_LABELS[appointment.type]} for {appointment.patientName}:{' '}
        {bookedSlotText(appointment, timeZone)}.
      </Alert>
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title="The clinic's calendar says"
        role="alert"
        data-testid="booking-warnings"
      >
        <List size="sm">
          {appointment.warnings.map((warning) => (
            <List.Item key={warning}>{warning}</List.Item>
          ))}
        </List>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

interface BookAppointmentModalProps {
  /** The patient to book; the dialog is closed when null, unless it is asked who first. */
  patient: BookingPatient | null;
  clinic: ClinicResponse;
  today: string;
  onClose: () => void;
  /** Open with no patient yet (from the calendar): this asks who, then the form follows. */
  choosePatient?: ReactNode;
}

export function BookAppointmentModal({ patient, clinic, today, onClose, choosePatient }: BookAppointmentModalProps) {
  const [booked, setBooked] = useState<AppointmentResponse | null>(null);
  const close = () => {
    setBooked(null);
    onClose();
  };
  const onBooked = (appointment: AppointmentResponse) => {
    if (appointment.warnings.length > 0) {
      setBooked(appointment);
      return;
    }
    notifications.show({
      color: 'clinic',
      title: 'Appointment booked',
      message: `${appointment.patientName}: ${bookedSlotText(appointment, clinic.timeZone)}.`,
    });
    close();
  };

  return (
    <Modal
      opened={patient !== null || choosePatient !== undefined}
      onClose={close}
      title={patient ? `Book an appointment for ${patient.patientName}` : 'Book an appointment'}
      size="lg"
    >
      {!patient && choosePatient}
      {patient && !booked && (
        <Stack gap="md">
          {patient.refillBy && (
            <Text size="sm" c="dimmed">
              Refill by {formatLocalDateWithWeekday(patient.refillBy)}
              {patient.proposedDate && ` · proposed ${formatLocalDateWithWeekday(patient.proposedDate)}`}
            </Text>
          )}
          {/* Mounted per opening, so each dialog starts fresh with its own idempotency key. */}
          <BookAppointmentForm patient={patient} clinic={clinic} today={today} onBooked={onBooked} onCancel={close} />
        </Stack>
      )}
      {booked && <BookedWithWarnings appointment={booked} timeZone={clinic.timeZone} onDone={close} />}
    </Modal>
  );
}
