import { zodResolver } from '@hookform/resolvers/zod';
import {
  BOLUS_EVENT_TYPES,
  PUMP_EVENT_LABELS,
  pumpEventFormSchema,
  type ErrorDetail,
  type PumpEventType,
} from '@itb/contracts';
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { toOptionalNumber } from '../../../lib/form-values';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useRecordPumpEvent } from '../api/record-pump-event';
import { InstantField } from './instant-field';

type EventInput = z.input<typeof pumpEventFormSchema>;
type EventOutput = z.output<typeof pumpEventFormSchema>;

/**
 * What a clinician records from the pump card (DESIGN.md "Withdrawal-risk rules": an alarm raises
 * PUMP_ALARM_RECORDED, a stopped pump PUMP_STOPPED). Bridge and priming boluses are recorded with the
 * refill; an explant has its own action.
 */
const EVENT_GROUPS: { group: string; items: PumpEventType[] }[] = [
  {
    group: 'Alarm heard',
    items: [
      'alarm_low_reservoir',
      'alarm_eri',
      'alarm_empty_reservoir',
      'alarm_end_of_service',
      'alarm_motor_stall',
      'alarm_critical_memory',
    ],
  },
  { group: 'Pump', items: ['pump_stopped', 'pump_restarted', 'interrogation', 'mri'] },
  { group: 'Other', items: ['bolus', 'catheter_revision', 'pump_replacement'] },
];

const OPTIONS = [
  { value: '', label: 'Select…' },
  ...EVENT_GROUPS.map(({ group, items }) => ({
    group,
    items: items.map((value) => ({ value, label: PUMP_EVENT_LABELS[value] })),
  })),
];

const isBolus = (type: unknown) => (BOLUS_EVENT_TYPES as readonly unknown[]).includes(type);
const floorToMinute = (instant: Date) => new Date(Math.floor(instant.getTime() / 60_000) * 60_000);

interface RecordPumpEventFormProps {
  patientId: string;
  pumpId: string;
  /** The pump's version now: the form keeps the one it opened on, so a change meanwhile answers 409. */
  pumpVersion: number;
  timeZone: string;
  onDone: () => void;
}

function RecordPumpEventForm({ patientId, pumpId, pumpVersion, timeZone, onDone }: RecordPumpEventFormProps) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [openedOn] = useState(pumpVersion);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const record = useRecordPumpEvent({ patientId, pumpId });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EventInput, unknown, EventOutput>({
    resolver: zodResolver(pumpEventFormSchema, { error: formErrorMap }),
    defaultValues: { type: '' as EventInput['type'], occurredAt: floorToMinute(new Date()).toISOString(), notes: '' },
    shouldUnregister: true,
  });
  const type = useWatch({ control, name: 'type' });

  const onSubmit = handleSubmit((body) => {
    setUnmatched([]);
    record.mutate(
      { body: { ...body, pumpVersion: openedOn }, idempotencyKey },
      {
        onSuccess: (event) => {
          notifications.show({ title: 'Pump event recorded', message: PUMP_EVENT_LABELS[event.type] });
          onDone();
        },
        onError: (error) =>
          setUnmatched(applyServerFieldErrors(error, setError, ['type', 'occurredAt', 'volumeMl', 'notes'])),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record pump event">
      <Stack>
        {record.isError && (
          <FormErrorAlert error={record.error} details={unmatched} title="Could not record the event" />
        )}
        <NativeSelect
          label="Event"
          withAsterisk
          data={OPTIONS}
          data-autofocus
          error={errors.type ? 'Choose what happened' : undefined}
          {...register('type')}
        />
        <InstantField
          control={control}
          name="occurredAt"
          label="When"
          requiredMessage="Enter when it happened"
          clinicTimeZone={timeZone}
        />
        {isBolus(type) && (
          <TextInput
            label="Bolus volume (mL)"
            description="It is taken from the reservoir"
            withAsterisk
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            error={errorText(errors.volumeMl)}
            {...register('volumeMl', { setValueAs: toOptionalNumber })}
          />
        )}
        <Textarea label="Notes" autosize minRows={2} error={errorText(errors.notes)} {...register('notes')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record event
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The pump card's "Record event" dialog. */
export function RecordPumpEventModal({
  opened,
  onClose,
  ...props
}: Omit<RecordPumpEventFormProps, 'onDone'> & { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record pump event" size="lg">
      {opened && <RecordPumpEventForm {...props} onDone={onClose} />}
    </Modal>
  );
}
