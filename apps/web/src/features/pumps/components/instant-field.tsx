import { TextInput } from '@mantine/core';
import { useController, type Control } from 'react-hook-form';
import { browserTimeZone, dateTimeLocalToIso, isoToDateTimeLocal } from '../../../lib/datetime-local';
import { errorText } from '../../../lib/form-errors';
import type { ImplantFormInput } from './implant-form-schema';

/**
 * The fill instant. The input shows wall-clock time in the browser's zone; the form keeps the
 * ISO UTC instant the API expects.
 */
export function FillPerformedAtField({
  control,
  clinicTimeZone,
}: {
  control: Control<ImplantFormInput>;
  clinicTimeZone: string;
}) {
  const {
    field: { name, ref, value, onBlur, onChange },
    fieldState,
  } = useController({ control, name: 'initialFill.performedAt' });
  const zone = browserTimeZone();
  const description =
    zone === clinicTimeZone
      ? `Local time (${zone}); saved as UTC.`
      : `Your computer's time (${zone}), not the clinic's (${clinicTimeZone}); saved as UTC.`;
  const error = fieldState.error && !value ? 'Enter the date and time of the fill' : errorText(fieldState.error);

  return (
    <TextInput
      label="Fill performed at"
      withAsterisk
      type="datetime-local"
      description={description}
      name={name}
      ref={ref}
      value={isoToDateTimeLocal(value)}
      onBlur={onBlur}
      onChange={(event) => onChange(dateTimeLocalToIso(event.currentTarget.value) ?? '')}
      error={error}
    />
  );
}
