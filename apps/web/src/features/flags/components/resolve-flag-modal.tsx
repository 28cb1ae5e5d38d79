import { zodResolver } from '@hookform/resolvers/zod';
import { resolveFlagRequestSchema, type ErrorDetail, type FlagResponse } from '@itb/contracts';
import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerFieldErrors, formErrorMap } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useResolveFlag } from '../api/resolve-flag';
import { FlagNoteForm, notifyFlagDone } from './flag-note-form';

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
          notifyFlagDone('Flag resolved', flag);
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['note'])),
      },
    );
  });

  return (
    <FlagNoteForm
      flag={flag}
      explanation="Resolving closes the flag. Write what was found and done: the note stays in the patient's record."
      note={{
        label: 'Resolution note',
        description: 'For example: pump interrogated, log matches the programmed rate.',
        required: true,
        field: register('note'),
        error: errors.note,
      }}
      submitLabel="Resolve flag"
      action={{ ...resolve, unmatched }}
      onSubmit={onSubmit}
      onCancel={onDone}
    />
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
