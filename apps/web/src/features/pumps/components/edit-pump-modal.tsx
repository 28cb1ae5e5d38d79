import { zodResolver } from '@hookform/resolvers/zod';
import { type ErrorDetail, type PumpResponse, updatePumpRequestSchema } from '@itb/contracts';
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, dateErrorText, errorText, formErrorMap } from '../../../lib/form-errors';
import { toNullableString, toOptionalNumber } from '../../../lib/form-values';
import { useUpdatePump } from '../api/manage-pump';
import { StalePumpAlert } from './stale-pump-alert';
import { isStalePumpError } from './change-form-layout';

const editPumpFormSchema = updatePumpRequestSchema.omit({ version: true });
type EditInput = z.input<typeof editPumpFormSchema>;
type EditOutput = z.output<typeof editPumpFormSchema>;
const FIELDS = ['serialNumber', 'alarmMl', 'catheterTipLevel', 'eriDate', 'reason'] as const;

interface EditPumpFormProps {
  patientId: string;
  pump: PumpResponse;
  onDone: () => void;
}

function EditPumpForm({ patientId, pump, onDone }: EditPumpFormProps) {
  const [openedOn] = useState(pump.version);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const update = useUpdatePump(patientId, pump.id);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditInput, unknown, EditOutput>({
    resolver: zodResolver(editPumpFormSchema, { error: formErrorMap }),
    defaultValues: {
      serialNumber: pump.serialNumber,
      alarmMl: pump.alarmMl,
      catheterTipLevel: pump.catheterTipLevel ?? '',
      eriDate: pump.eriDate,
      reason: '',
    },
  });
  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    update.mutate(
      { ...values, version: openedOn },
      {
        onSuccess: () => {
          notifications.show({ color: 'clinic', title: 'Pump details saved', message: values.reason });
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
      },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit pump details">
      <Stack>
        {update.isError && isStalePumpError(update.error) && <StalePumpAlert onReload={onDone} />}
        {update.isError && !isStalePumpError(update.error) && (
          <FormErrorAlert error={update.error} details={unmatched} title="Could not save the pump details" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Serial number"
            withAsterisk
            error={errorText(errors.serialNumber)}
            {...register('serialNumber')}
          />
          <TextInput
            label="Low-reservoir alarm (mL)"
            description={`Below the ${pump.reservoirMl} mL reservoir; moves the alarm and refill-by dates`}
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            error={errorText(errors.alarmMl)}
            {...register('alarmMl', { setValueAs: toOptionalNumber })}
          />
          <TextInput
            label="Catheter tip level"
            description="Vertebral level, e.g. T10"
            error={errorText(errors.catheterTipLevel)}
            {...register('catheterTipLevel')}
          />
          <TextInput
            label="ERI date"
            description="From interrogation; empty for the model's estimate"
            type="date"
            error={dateErrorText(errors.eriDate)}
            {...register('eriDate', { setValueAs: toNullableString })}
          />
        </SimpleGrid>
        <Textarea
          label="Reason for the change"
          description="Kept in the audit log, e.g. “Interrogation on 3 Dec read a new ERI date”"
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
          <Button type="submit" loading={update.isPending || isSubmitting}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The pump card's "Edit details" dialog (specialists). */
export function EditPumpModal({
  opened,
  onClose,
  ...props
}: Omit<EditPumpFormProps, 'onDone'> & { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit pump details" size="lg">
      {opened && <EditPumpForm {...props} onDone={onClose} />}
    </Modal>
  );
}
