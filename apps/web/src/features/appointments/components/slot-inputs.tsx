import type { ClinicResponse } from '@itb/contracts';
import { NativeSelect, TextInput } from '@mantine/core';
import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { formatClinicDays } from '../../../lib/clinic-time';
import { dateErrorText, errorText } from '../../../lib/form-errors';
import { DURATION_OPTIONS } from '../lib/slot-fields';

type SlotValues = FieldValues & { date: string; time: string; durationMinutes: unknown };

interface SlotInputsProps<T extends SlotValues> {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  clinic: ClinicResponse;
  today: string;
  /** Moving a booking: the fields say "New date" and "New time". */
  isMove?: boolean;
}

/** A booking's date, time and duration on the clinic's clock, with the clinic's days and hours beside them. */
export function SlotInputs<T extends SlotValues>({
  register,
  errors,
  clinic,
  today,
  isMove = false,
}: SlotInputsProps<T>) {
  const name = (field: 'date' | 'time' | 'durationMinutes') => field as Path<T>;
  return (
    <>
      <TextInput
        type="date"
        label={isMove ? 'New date' : 'Date'}
        withAsterisk
        min={today}
        description={`Clinic days: ${formatClinicDays(clinic.clinicDays)}`}
        error={dateErrorText(errors.date as { message?: string; type: string } | undefined)}
        data-autofocus
        {...register(name('date'))}
      />
      <TextInput
        type="time"
        label={isMove ? 'New time' : 'Time'}
        withAsterisk
        step={300}
        description={`Clinic time (${clinic.timeZone}), open ${clinic.opensAt}–${clinic.closesAt}`}
        error={errorText(errors.time as { message?: string } | undefined)}
        {...register(name('time'))}
      />
      <NativeSelect
        label="Duration"
        data={DURATION_OPTIONS}
        error={errorText(errors.durationMinutes as { message?: string } | undefined)}
        {...register(name('durationMinutes'))}
      />
    </>
  );
}
