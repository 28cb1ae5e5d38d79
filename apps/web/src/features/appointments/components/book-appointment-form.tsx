import { zodResolver } from '@hookform/resolvers/zod';
import {
  APPOINTMENT_TYPE_LABELS,
  appointmentTypeSchema,
  type AppointmentResponse,
  type ClinicResponse,
} from '@itb/contracts';
import { APPOINTMENT_TYPES, type AppointmentType } from '@itb/domain';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { clinicWallClockToIso } from '../../../lib/clinic-time';
import { errorText } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useCreateAppointment } from '../api/create-appointment';
import { placeSlotRefusal, slotFields } from '../lib/slot-fields';
import { useClearSlotErrorsOnChange, useSlotPreview } from '../lib/use-slot-preview';
import { defaultBookingTime } from '../lib/booking-defaults';
import { BookingChecksPanel } from './booking-checks-panel';
import { SlotInputs } from './slot-inputs';

const TYPE_OPTIONS = APPOINTMENT_TYPES.map((type) => ({ value: type, label: APPOINTMENT_TYPE_LABELS[type] }));

const bookingFormSchema = (today: string) =>
  z.object({
    ...slotFields(today),
    type: appointmentTypeSchema,
    notes: z.string().trim().max(2000, 'must be at most 2000 characters'),
  });
type BookingFormInput = z.input<ReturnType<typeof bookingFormSchema>>;
type BookingFormValues = z.output<ReturnType<typeof bookingFormSchema>>;

export interface BookingPatient {
  patientId: string;
  patientName: string;
  /** The date the form starts on (the queue's proposal); today when absent. */
  proposedDate: string | null;
  /** The time the form starts on (a calendar slot clicked); the clinic's opening when absent. */
  proposedTime?: string;
  /** The pump's refill-by date, for context. */
  refillBy?: string | null;
  /** The appointment type the form starts on; a refill when absent. */
  type?: AppointmentType;
}

interface BookAppointmentFormProps {
  patient: BookingPatient;
  clinic: ClinicResponse;
  today: string;
  onBooked: (appointment: AppointmentResponse) => void;
  onCancel: () => void;
}

export function BookAppointmentForm({ patient, clinic, today, onBooked, onCancel }: BookAppointmentFormProps) {
  const createAppointment = useCreateAppointment();
  // One key per opening of the dialog: a retry after a lost answer books once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const date = patient.proposedDate ?? today;
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    getFieldState,
    control,
    formState: { errors, isSubmitting },
  } = useForm<BookingFormInput, unknown, BookingFormValues>({
    resolver: zodResolver(bookingFormSchema(today)),
    defaultValues: {
      date,
      time: patient.proposedTime ?? defaultBookingTime({ date, opensAt: clinic.opensAt, timeZone: clinic.timeZone }),
      type: patient.type ?? 'refill',
      durationMinutes: '30',
      notes: '',
    },
  });
  const watched = useWatch({ control });
  useClearSlotErrorsOnChange({ clearErrors, getFieldState }, watched.date, watched.time);
  const preview = useSlotPreview({ patientId: patient.patientId, timeZone: clinic.timeZone, ...watched });

  const onSubmit = handleSubmit((values) => {
    const startsAt = clinicWallClockToIso(values.date, values.time, clinic.timeZone);
    if (!startsAt) return;
    createAppointment.mutate(
      {
        idempotencyKey,
        body: {
          patientId: patient.patientId,
          type: values.type,
          startsAt,
          durationMinutes: values.durationMinutes,
          notes: values.notes || undefined,
        },
      },
      {
        onSuccess: onBooked,
        onError: (error) => placeSlotRefusal(error, values.date, today, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {createAppointment.isError && <FormErrorAlert error={createAppointment.error} title="Could not book" />}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <SlotInputs register={register} errors={errors} clinic={clinic} today={today} />
          <NativeSelect label="Type" data={TYPE_OPTIONS} error={errorText(errors.type)} {...register('type')} />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={5}
          error={errorText(errors.notes)}
          {...register('notes')}
        />
        <BookingChecksPanel {...preview} timeZone={clinic.timeZone} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={createAppointment.isPending || isSubmitting}
            disabled={createAppointment.isSuccess}
          >
            Book appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
