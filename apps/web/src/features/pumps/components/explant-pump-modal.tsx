import { zodResolver } from '@hookform/resolvers/zod';
import type { ErrorDetail, PumpResponse } from '@itb/contracts';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, dateErrorText, errorText, formErrorMap } from '../../../lib/form-errors';
import { todayIn } from '../../../lib/format';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useExplantPump } from '../api/manage-pump';
import { explantFormSchema, type ExplantFormInput, type ExplantFormOutput } from './implant-form-schema';

interface ExplantPumpFormProps {
  patientId: string;
  pump: PumpResponse;
  timeZone: string;
  onDone: () => void;
}

function ExplantPumpForm({ patientId, pump, timeZone, onDone }: ExplantPumpFormProps) {
  const [openedOn] = useState(pump.version);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const explant = useExplantPump(patientId, pump.id);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ExplantFormInput, unknown, ExplantFormOutput>({
    resolver: zodResolver(explantFormSchema, { error: formErrorMap }),
    defaultValues: { explantedOn: todayIn(timeZone), reason: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    // Awaited, not mutate's callbacks: the explant empties the pump card this dialog opened from, and
    // the confirmation must still be said once the card is gone.
    explant.mutateAsync({ body: { ...values, version: openedOn }, idempotencyKey }).then(
      () => {
        notifications.show({ color: 'clinic', title: 'Pump explanted', message: values.reason });
        onDone();
      },
      (error: unknown) => setUnmatched(applyServerFieldErrors(error, setError, ['explantedOn', 'reason'])),
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Explant pump">
      <Stack>
        <Alert color="orange" variant="light" title="The patient will have no active pump">
          Its refills, alarm dates and flags stop. To put a new pump in at the same operation, use Replace pump instead.
        </Alert>
        {explant.isError && (
          <FormErrorAlert error={explant.error} details={unmatched} title="Could not record the explant" />
        )}
        <TextInput
          label="Explanted on"
          description="Clinic date"
          type="date"
          withAsterisk
          error={dateErrorText(errors.explantedOn)}
          {...register('explantedOn')}
        />
        <Textarea
          label="Reason"
          withAsterisk
          autosize
          minRows={2}
          error={errorText(errors.reason)}
          {...register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red.9" loading={explant.isPending || isSubmitting}>
            Explant pump
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The pump card's "Explant" dialog (specialists). */
export function ExplantPumpModal({
  opened,
  onClose,
  ...props
}: Omit<ExplantPumpFormProps, 'onDone'> & { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Explant ${props.pump.modelLabel}, serial ${props.pump.serialNumber}`}
      size="lg"
    >
      {opened && <ExplantPumpForm {...props} onDone={onClose} />}
    </Modal>
  );
}
