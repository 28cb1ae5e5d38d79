import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface CheckboxListFieldProps {
  legend: string;
  description?: string;
  options: { value: string; label: string }[];
  error?: string;
  /** One registration shared by every box: react-hook-form collects the checked values as a list. */
  register: UseFormRegisterReturn;
}

/** A group of checkboxes under one `<fieldset>` and `<legend>`, for a multi-choice list field. */
export function CheckboxListField({ legend, description, options, error, register }: CheckboxListFieldProps) {
  const descriptionId = useId();
  const errorId = useId();
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset legend={legend} variant="unstyled" aria-describedby={describedBy}>
      {description && (
        <Text id={descriptionId} size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <Stack gap="xs">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} {...register} />
        ))}
      </Stack>
      {error && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" mt="xs">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
