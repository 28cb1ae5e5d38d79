import type { ErrorDetail, FlagResponse } from '@itb/contracts';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEventHandler, ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { errorText } from '../../../lib/form-errors';
import { flagLabel } from '../lib/flag-display';
import { FlagActionError, FlagContext } from './flag-dialog-parts';

interface FlagNoteFormProps {
  flag: FlagResponse;
  /** What the action means, in one or two sentences. */
  explanation: ReactNode;
  note: { label: string; description: string; required: boolean; field: UseFormRegisterReturn; error?: FieldError };
  submitLabel: string;
  action: { isPending: boolean; isError: boolean; error: unknown; unmatched: ErrorDetail[] };
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
}

/** The acknowledge and resolve dialogs' form: which flag, what the action means, the note, the buttons. */
export function FlagNoteForm({ flag, explanation, note, submitLabel, action, onSubmit, onCancel }: FlagNoteFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FlagContext flag={flag} />
        <Text size="sm">{explanation}</Text>
        {action.isError && (
          <FlagActionError error={action.error} unmatched={action.unmatched} hasFieldErrors={!!note.error} />
        )}
        <Textarea
          label={note.label}
          description={note.description}
          withAsterisk={note.required}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          error={errorText(note.error)}
          {...note.field}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={action.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The confirmation after an acknowledge or resolve, naming the flag and the patient. */
export function notifyFlagDone(title: string, flag: FlagResponse): void {
  notifications.show({ color: 'clinic', title, message: `${flagLabel(flag)} for ${flag.patientName}` });
}
