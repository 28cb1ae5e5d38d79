import { zodResolver } from '@hookform/resolvers/zod';
import { acknowledgeFlagRequestSchema, type ErrorDetail, type FlagResponse } from '@itb/contracts';
import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerFieldErrors, formErrorMap } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useAcknowledgeFlag } from '../api/acknowledge-flag';
import { FlagNoteForm, notifyFlagDone } from './flag-note-form';

type AcknowledgeInput = z.input<typeof acknowledgeFlagRequestSchema>;

/** An empty note is no note: the contract wants the field left out, not blank. */
const toOptionalNote = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function AcknowledgeFlagForm({ flag, onDone }: { flag: FlagResponse; onDone: () => void }) {
  // One key per dialog: a retry after a lost answer acknowledges once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const acknowledge = useAcknowledgeFlag();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AcknowledgeInput, unknown, z.output<typeof acknowledgeFlagRequestSchema>>({
    resolver: zodResolver(acknowledgeFlagRequestSchema, { error: formErrorMap }),
    defaultValues: { note: undefined },
  });

  const onSubmit = handleSubmit((body) => {
    setUnmatched([]);
    acknowledge.mutate(
      { flagId: flag.id, body, idempotencyKey },
      {
        onSuccess: () => {
          notifyFlagDone('Flag acknowledged', flag);
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['note'])),
      },
    );
  });

  return (
    <FlagNoteForm
      flag={flag}
      explanation="Acknowledging records that you have seen this flag and are acting on it. It stays on the list until its cause is dealt with."
      note={{
        label: 'Note (optional)',
        description: 'What was done or planned, for example: called the patient, refill booked for tomorrow.',
        required: false,
        field: register('note', { setValueAs: toOptionalNote }),
        error: errors.note,
      }}
      submitLabel="Acknowledge flag"
      action={{ ...acknowledge, unmatched }}
      onSubmit={onSubmit}
      onCancel={onDone}
    />
  );
}

/** Opened with a flag, closed with `null`; each opening is a new dialog with its own idempotency key. */
export function AcknowledgeFlagModal({ flag, onClose }: { flag: FlagResponse | null; onClose: () => void }) {
  return (
    <Modal opened={flag !== null} onClose={onClose} title="Acknowledge flag" size="lg">
      {flag && <AcknowledgeFlagForm key={flag.id} flag={flag} onDone={onClose} />}
    </Modal>
  );
}
