import { TextInput } from '@mantine/core';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { browserTimeZone, dateTimeLocalToIso, isoToDateTimeLocal } from '../../../lib/datetime-local';
import { errorText } from '../../../lib/form-errors';

interface InstantFieldProps<T extends FieldValues> {
  control: Control<T>;
  /** A field holding an ISO 8601 UTC instant (a string). */
  name: FieldPath<T>;
  label: string;
  clinicTimeZone: string;
  /** The message when the field is empty and required. */
  requiredMessage: string;
}

/**
 * A clinical instant (a fill, a dose change). The input shows wall-clock time in the browser's
 * zone; the form keeps the ISO UTC instant the API expects.
 */
export function InstantField<T extends FieldValues>({
  control,
  name,
  label,
  clinicTimeZone,
  requiredMessage,
}: InstantFieldProps<T>) {
  const {
    field: { ref, onBlur, onChange, value: fieldValue },
    fieldState,
  } = useController({ control, name });
  const value = typeof fieldValue === 'string' ? fieldValue : '';
  const zone = browserTimeZone();
  const description =
    zone === clinicTimeZone
      ? `Local time (${zone}); saved as UTC.`
      : `Your computer's time (${zone}), not the clinic's (${clinicTimeZone}); saved as UTC.`;
  const error = fieldState.error && !value ? requiredMessage : errorText(fieldState.error);

  return (
    <TextInput
      label={label}
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
