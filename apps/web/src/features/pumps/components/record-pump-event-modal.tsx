import { zodResolver } from '@hookform/resolvers/zod';
import {
  BOLUS_EVENT_TYPES,
  PUMP_EVENT_LABELS,
  pumpEventFormSchema,
  type ErrorDetail,
  type PumpEventType,
  type PumpResponse,
} from '@itb/contracts';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { MS_PER_DAY } from '@itb/domain';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { toOptionalNumber } from '../../../lib/form-values';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useClinic } from '../../../lib/clinic';
import { formatInstant, formatLocalDate } from '../../../lib/format';
import { useDoseAdjustments } from '../api/get-dose-adjustments';
import { useRecordPumpEvent } from '../api/record-pump-event';
import { bolusPreview } from '../lib/event-preview';
import { drainOf } from '../lib/pump-basis';
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

interface RecordPumpEventFormProps {
  patientId: string;
  /** The pump as the card shows it: the form keeps the version it opened on, so a change meanwhile answers 409. */
  pump: PumpResponse;
  timeZone: string;
  onDone: () => void;
}

/**
 * The live preview beside the event, as a refill has: a bolus takes its volume from the reservoir, so the new
 * alarm and refill-by dates are shown before saving; any other event leaves them where they are.
 */
function EventProjection({
  pump,
  type,
  occurredAt,
  volumeMl,
  timeZone,
}: {
  pump: PumpResponse;
  type: unknown;
  occurredAt: string | undefined;
  volumeMl: unknown;
  timeZone: string;
}) {
  const adjustments = useDoseAdjustments(pump.id);
  const clinic = useClinic();
  const fill = pump.currentFill;
  if (!fill || !pump.projection) return null;
  const at = occurredAt ? new Date(occurredAt) : null;
  const canProject = isBolus(type) && typeof volumeMl === 'number' && volumeMl > 0 && at && !Number.isNaN(at.getTime());
  if (!canProject || !adjustments.data || !clinic.data) {
    return (
      <Text size="sm" c="dimmed" data-testid="event-projection">
        {isBolus(type)
          ? 'Enter the volume to see the new alarm date.'
          : `This event moves no drug: the alarm stays at ${formatInstant(pump.projection.alarmAt, timeZone)}.`}
      </Text>
    );
  }
  const { before, after } = bolusPreview(
    drainOf({ currentFill: fill }, adjustments.data.items),
    pump.alarmMl,
    { timeZone, refillLeadDays: clinic.data.refillLeadDays, maxDrugDaysInPump: clinic.data.maxDrugDaysInPump },
    { at, volumeMl },
    new Date(),
  );
  const earlierDays = Math.round((before.alarmAt.getTime() - after.alarmAt.getTime()) / MS_PER_DAY);
  return (
    <Alert color="clinic" variant="light" title="After this bolus" data-testid="event-projection">
      <Stack gap={2}>
        <Text size="sm">
          Alarm at <strong>{formatInstant(after.alarmAt.toISOString(), timeZone)}</strong> (was{' '}
          {formatInstant(before.alarmAt.toISOString(), timeZone)}
          {earlierDays > 0 ? `, ${earlierDays} ${earlierDays === 1 ? 'day' : 'days'} earlier` : ''})
        </Text>
        <Text size="sm">
          Refill by <strong>{formatLocalDate(after.refillBy)}</strong> (was {formatLocalDate(before.refillBy)})
        </Text>
      </Stack>
    </Alert>
  );
}

function RecordPumpEventForm({ patientId, pump, timeZone, onDone }: RecordPumpEventFormProps) {
  const pumpId = pump.id;
  const pumpVersion = pump.version;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [openedOn] = useState(pumpVersion);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const record = useRecordPumpEvent({ patientId, pumpId });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EventInput, unknown, EventOutput>({
    resolver: zodResolver(pumpEventFormSchema, { error: formErrorMap }),
    defaultValues: {
      type: '' as EventInput['type'],
      // To the second: an interrogation recorded the minute after an MRI comes after it, as it happened.
      occurredAt: new Date().toISOString(),
      notes: '',
    },
    shouldUnregister: true,
  });
  const type = useWatch({ control, name: 'type' });
  const occurredAt = useWatch({ control, name: 'occurredAt' });
  const volumeMl = useWatch({ control, name: 'volumeMl' });

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
        <EventProjection pump={pump} type={type} occurredAt={occurredAt} volumeMl={volumeMl} timeZone={timeZone} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending || isSubmitting}>
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
