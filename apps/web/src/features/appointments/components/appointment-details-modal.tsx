import type { AppointmentResponse, ClinicResponse } from '@itb/contracts';
import { Modal, Text } from '@mantine/core';
import { AppointmentCard } from './appointment-card';

interface AppointmentDetailsModalProps {
  /** The appointment opened from the grid; closed when null. */
  appointment: AppointmentResponse | null;
  clinic: ClinicResponse;
  canManage: boolean;
  getPatientHref: (patientId: string) => string;
  getRecordRefillHref: (patientId: string) => string;
  onClose: () => void;
}

/** An appointment opened from the time grid: its card with every action its status allows. */
export function AppointmentDetailsModal({ appointment, clinic, onClose, ...cardProps }: AppointmentDetailsModalProps) {
  return (
    <Modal opened={appointment !== null} onClose={onClose} title="Appointment" size="md">
      {appointment && (
        <>
          <AppointmentCard appointment={appointment} timeZone={clinic.timeZone} layout="inline" {...cardProps} />
          {appointment.statusReason && (
            <Text size="sm" mt="sm">
              Cancelled because: {appointment.statusReason}
            </Text>
          )}
        </>
      )}
    </Modal>
  );
}
