import type { ClinicResponse } from '@itb/contracts';
import { proposeRefillDate } from '@itb/domain';
import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { usePatientAppointments } from '../api/get-patient-appointments';
import { AppointmentCard } from './appointment-card';
import { BookAppointmentModal } from './book-appointment-modal';
import type { BookingPatient } from './book-appointment-form';

interface PatientAppointmentsProps {
  patient: { id: string; name: string; isActive: boolean };
  /** The active pump's refill-by date, for the booking's proposed date. */
  refillBy: string | null;
  clinic: ClinicResponse | undefined;
  today: string;
  canManage: boolean;
  getPatientHref: (patientId: string) => string;
  getRecordRefillHref: (patientId: string) => string;
}

/** The patient's appointments from today on, each with its actions, and booking of any type. */
export function PatientAppointments({
  patient,
  refillBy,
  clinic,
  today,
  canManage,
  ...links
}: PatientAppointmentsProps) {
  const appointmentsQuery = usePatientAppointments(patient.id, today);
  const [booking, setBooking] = useState<BookingPatient | null>(null);
  const canBook = canManage && patient.isActive && clinic !== undefined;

  let body;
  if (appointmentsQuery.isPending) {
    body = <Skeleton height={64} role="status" aria-label="Loading appointments" />;
  } else if (appointmentsQuery.isError) {
    body = (
      <QueryError
        title="Could not load appointments"
        error={appointmentsQuery.error}
        onRetry={() => void appointmentsQuery.refetch()}
        isRetrying={appointmentsQuery.isRefetching}
      />
    );
  } else if (appointmentsQuery.data.items.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        Nothing booked from today on.
      </Text>
    );
  } else {
    body = appointmentsQuery.data.items.map((appointment) => (
      <Stack key={appointment.id} gap={4}>
        <AppointmentCard
          appointment={appointment}
          timeZone={clinic?.timeZone ?? 'UTC'}
          layout="inline"
          canManage={canManage}
          {...links}
        />
        {appointment.statusReason && (
          <Text size="xs" c="dimmed" pl="sm">
            Cancelled because: {appointment.statusReason}
          </Text>
        )}
      </Stack>
    ));
  }

  return (
    <Card component="section" aria-labelledby="patient-appointments-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="patient-appointments-title">
            Appointments
          </Title>
          {canBook && (
            <Button
              variant="light"
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() =>
                setBooking({
                  patientId: patient.id,
                  patientName: patient.name,
                  refillBy,
                  proposedDate: refillBy ? proposeRefillDate(refillBy, today, clinic.clinicDays) : null,
                })
              }
            >
              Book appointment
            </Button>
          )}
        </Group>
        {body}
      </Stack>
      {clinic && (
        <BookAppointmentModal patient={booking} clinic={clinic} today={today} onClose={() => setBooking(null)} />
      )}
    </Card>
  );
}
