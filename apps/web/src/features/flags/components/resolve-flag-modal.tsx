import { zodResolver } from '@hookform/resolvers/zod';
import { resolveFlagRequestSchema, type ErrorDetail, type FlagResponse } from '@itb/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useResolveFlag } from '../api/resolve-flag';
import { flagLabel } from '../lib/flag-display';
import { FlagActionError, FlagContext } from './flag-dialog-parts';

type ResolveInput = z.input<typeof resolveFlagRequestSchema>;

function ResolveFlagForm({ flag, onDone }: { flag: FlagResponse; onDone: () => void }) {
  // One key per dialog: a retry after a lost answer resolves once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const resolve = useResolveFlag();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ResolveInput, unknown, z.output<typeof resolveFlagRequestSchema>>({
    resolver: zodResolver(resolveFlagRequestSchema, { error: formErrorMap }),
    defaultValues: { note: '' },
  });

  const onSubmit = handleSubmit((body) => {
    setUnmatched([]);
    resolve.mutate(
      { flagId: flag.id, body, idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({
            color: 'clinic',
            title: 'Flag resolved',
            message: `${flagLabel(flag.code)} for ${flag.patientName}`,
          });
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['note'])),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FlagContext flag={flag} />
        <Text size="sm">
          Resolving closes the flag. Write what was found and done: the note stays in the patient&apos;s record.
        </Text>
        {resolve.isError && (
          <FlagActionError error={resolve.error} unmatched={unmatched} hasFieldErrors={!!errors.note} />
        )}
        <Textarea
          label="Resolution note"
          description="For example: pump interrogated, log matches the programmed rate."
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          error={errorText(errors.note)}
          {...register('note')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={resolve.isPending}>
            Resolve flag
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Opened with a flag, closed with `null`; each opening is a new dialog with its own idempotency key. */
export function ResolveFlagModal({ flag, onClose }: { flag: FlagResponse | null; onClose: () => void }) {
  return (
    <Modal opened={flag !== null} onClose={onClose} title="Resolve flag" size="lg">
      {flag && <ResolveFlagForm key={flag.id} flag={flag} onDone={onClose} />}
    </Modal>
  );
}
