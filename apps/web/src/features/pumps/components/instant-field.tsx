import { TextInput } from '@mantine/core';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { dateTimeLocalToIso, isoToDateTimeLocal } from '../../../lib/datetime-local';
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
 * A clinical instant (a fill, a dose change). The input shows the clinic's wall-clock time, whatever
 * the computer's zone; the form keeps the ISO UTC instant the API expects.
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
  const description = `Clinic time (${clinicTimeZone})`;
  const error = fieldState.error && !value ? requiredMessage : errorText(fieldState.error);

  return (
    <TextInput
      label={label}
      withAsterisk
      type="datetime-local"
      description={description}
      name={name}
      ref={ref}
      value={isoToDateTimeLocal(value, clinicTimeZone)}
      onBlur={onBlur}
      onChange={(event) => onChange(dateTimeLocalToIso(event.currentTarget.value, clinicTimeZone) ?? '')}
      error={error}
    />
  );
}
