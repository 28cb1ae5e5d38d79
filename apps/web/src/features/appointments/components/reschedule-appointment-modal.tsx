import { zodResolver } from '@hookform/resolvers/zod';
import { APPOINTMENT_TYPE_LABELS, type AppointmentResponse, type ClinicResponse } from '@itb/contracts';
import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { clinicWallClockToIso, formatClinicTime } from '../../../lib/clinic-time';
import { errorText } from '../../../lib/form-errors';
import { useRescheduleAppointment } from '../api/reschedule-appointment';
import { placeSlotRefusal, slotFields } from '../lib/slot-fields';
import { useClearSlotErrorsOnChange, useSlotPreview } from '../lib/use-slot-preview';
import { BookingChecksPanel } from './booking-checks-panel';
import { SlotInputs } from './slot-inputs';
import { bookedSlotText } from './booked-slot-text';

const rescheduleSchema = (today: string) =>
  z.object({
    ...slotFields(today),
    reason: z.string().trim().max(500, 'must be at most 500 characters'),
  });
type RescheduleInput = z.input<ReturnType<typeof rescheduleSchema>>;
type RescheduleValues = z.output<ReturnType<typeof rescheduleSchema>>;

export interface RescheduleTarget {
  appointment: AppointmentResponse;
  /** Where it was dragged to, on the clinic's clock; its own slot when absent. */
  date?: string;
  time?: string;
}

interface RescheduleFormProps {
  target: RescheduleTarget;
  clinic: ClinicResponse;
  today: string;
  onDone: () => void;
}

function RescheduleForm({ target, clinic, today, onDone }: RescheduleFormProps) {
  const { appointment } = target;
  const reschedule = useRescheduleAppointment();
  const {
    register,
    handleSubmit,
    control,
    setError,
    clearErrors,
    getFieldState,
    formState: { errors, isSubmitting },
  } = useForm<RescheduleInput, unknown, RescheduleValues>({
    resolver: zodResolver(rescheduleSchema(today)),
    defaultValues: {
      date: target.date ?? appointment.startsOn,
      time: target.time ?? formatClinicTime(appointment.startsAt, clinic.timeZone),
      durationMinutes: String(appointment.durationMinutes),
      reason: '',
    },
  });
  const watched = useWatch({ control });
  useClearSlotErrorsOnChange({ clearErrors, getFieldState }, watched.date, watched.time);
  const checks = useSlotPreview({
    patientId: appointment.patientId,
    timeZone: clinic.timeZone,
    type: appointment.type,
    appointmentId: appointment.id,
    ...watched,
  });

  const onSubmit = handleSubmit((values) => {
    const startsAt = clinicWallClockToIso(values.date, values.time, clinic.timeZone);
    if (!startsAt) return;
    reschedule.mutate(
      {
        id: appointment.id,
        version: appointment.version,
        startsAt,
        durationMinutes: values.durationMinutes,
        reason: values.reason || undefined,
      },
      {
        onSuccess: (moved) => {
          notifications.show({
            color: moved.warnings.length > 0 ? 'orange' : 'clinic',
            title: 'Appointment moved',
            message: [`${moved.patientName}: ${bookedSlotText(moved, clinic.timeZone)}.`, ...moved.warnings].join(' '),
          });
          onDone();
        },
        onError: (error) => placeSlotRefusal(error, values.date, today, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">
          {APPOINTMENT_TYPE_LABELS[appointment.type]} for {appointment.patientName}, now{' '}
          {bookedSlotText(appointment, clinic.timeZone)}.
        </Text>
        {reschedule.isError && <FormErrorAlert error={reschedule.error} title="Could not move it" />}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <SlotInputs register={register} errors={errors} clinic={clinic} today={today} isMove />
        </SimpleGrid>
        <BookingChecksPanel {...checks} timeZone={clinic.timeZone} />
        <Textarea
          label="Reason for the move"
          description="Optional; kept in the audit log"
          autosize
          minRows={2}
          error={errorText(errors.reason)}
          {...register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Keep it where it is
          </Button>
          <Button type="submit" loading={reschedule.isPending || isSubmitting} disabled={reschedule.isSuccess}>
            Move appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RescheduleAppointmentModalProps {
  /** The appointment to move; the dialog is closed when null. */
  target: RescheduleTarget | null;
  clinic: ClinicResponse;
  today: string;
  onClose: () => void;
}

/** Move a booked appointment (from its menu, or after a drag on the calendar), with the same checks as booking. */
export function RescheduleAppointmentModal({ target, clinic, today, onClose }: RescheduleAppointmentModalProps) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Move appointment" size="lg">
      {target && <RescheduleForm target={target} clinic={clinic} today={today} onDone={onClose} />}
    </Modal>
  );
}
