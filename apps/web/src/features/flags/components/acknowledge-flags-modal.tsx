import { zodResolver } from '@hookform/resolvers/zod';
import { bulkAcknowledgeFlagsRequestSchema, type ErrorDetail, type FlagResponse } from '@itb/contracts';
import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useAcknowledgeFlags } from '../api/acknowledge-flag';
import { flagLabel } from '../lib/flag-display';

const noteSchema = bulkAcknowledgeFlagsRequestSchema.pick({ note: true });

function AcknowledgeFlagsForm({ flags, onDone }: { flags: FlagResponse[]; onDone: (acknowledged: boolean) => void }) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const acknowledge = useAcknowledgeFlags();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof noteSchema>, unknown, z.output<typeof noteSchema>>({
    resolver: zodResolver(noteSchema, { error: formErrorMap }),
    defaultValues: { note: '' },
  });
  const onSubmit = handleSubmit(({ note }) => {
    setUnmatched([]);
    acknowledge.mutate(
      { body: { ids: flags.map((flag) => flag.id), note }, idempotencyKey },
      {
        onSuccess: ({ items }) => {
          notifications.show({
            color: 'clinic',
            title: `${items.length} ${items.length === 1 ? 'flag' : 'flags'} acknowledged`,
            message: note,
          });
          onDone(true);
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['note'])),
      },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Acknowledge selected flags">
      <Stack>
        <Text size="sm">
          Acknowledging records that you have seen these flags and are acting on them; each keeps the note. If one has
          changed meanwhile, none is acknowledged.
        </Text>
        <List size="sm" spacing={2}>
          {flags.map((flag) => (
            <List.Item key={flag.id}>
              {flagLabel(flag)} · {flag.patientName}
            </List.Item>
          ))}
        </List>
        {acknowledge.isError && (
          <FormErrorAlert error={acknowledge.error} details={unmatched} title="Could not acknowledge the flags" />
        )}
        <Textarea
          label="Note"
          description="What was done or planned for all of them, for example: patients phoned, refills booked."
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={errorText(errors.note)}
          {...register('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={acknowledge.isPending || isSubmitting}>
            Acknowledge {flags.length} {flags.length === 1 ? 'flag' : 'flags'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The work list's "Acknowledge selected" dialog; `onClose(true)` after the flags were acknowledged. */
export function AcknowledgeFlagsModal({
  flags,
  opened,
  onClose,
}: {
  flags: FlagResponse[];
  opened: boolean;
  onClose: (acknowledged: boolean) => void;
}) {
  return (
    <Modal opened={opened} onClose={() => onClose(false)} title="Acknowledge selected flags" size="lg">
      {opened && <AcknowledgeFlagsForm flags={flags} onDone={onClose} />}
    </Modal>
  );
}
