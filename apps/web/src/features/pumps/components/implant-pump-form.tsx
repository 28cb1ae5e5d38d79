import { zodResolver } from '@hookform/resolvers/zod';
import type { ClinicResponse, ErrorDetail, PumpResponse } from '@itb/contracts';
import { PUMP_CATALOGUE, PUMP_MODELS, type PumpModel } from '@itb/domain';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, dateErrorText, errorText, formErrorMap } from '../../../lib/form-errors';
import { formatMl } from '../../../lib/format';
import { toNullableString, toOptionalNumber } from '../../../lib/form-values';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { todayIn } from '../../../lib/format';
import { useImplantPump } from '../api/implant-pump';
import { useReplacePump } from '../api/manage-pump';
import { ConcentrationField } from './concentration-field';
import {
  explantFormSchema,
  type ExplantFormInput,
  type ExplantFormOutput,
  implantFormSchema,
  type ImplantFormInput,
  type ImplantFormOutput,
} from './implant-form-schema';
import { ImplantPreview } from './implant-preview';
import { InstantField } from './instant-field';

const FIELDS: readonly FieldPath<ImplantFormInput>[] = [
  'model',
  'serialNumber',
  'implantedOn',
  'reservoirMl',
  'alarmMl',
  'catheterTipLevel',
  'eriDate',
  'initialFill.performedAt',
  'initialFill.volumeAddedMl',
  'initialFill.concentrationMcgPerMl',
  'initialFill.dailyDoseMcg',
  'initialFill.drugProduct',
  'initialFill.lotNumber',
  'initialFill.lotExpiresOn',
  'initialFill.confirmShortInterval',
];

const MODEL_OPTIONS = [
  { value: '', label: 'Select…' },
  ...PUMP_MODELS.map((model) => ({ value: model, label: PUMP_CATALOGUE[model].label })),
];

const numberInputProps = { type: 'number', inputMode: 'decimal', step: 'any', min: 0 } as const;

/** "Default for this model: 20 mL", or what to do when the model has no default. */
function defaultHint(model: PumpModel | undefined, defaultMl: number | undefined): string {
  if (!model) return 'Pick a model to see its default.';
  if (defaultMl === undefined) return 'Required for a pump outside the catalogue.';
  return `Leave empty for the model default (${formatMl(defaultMl)}).`;
}

interface ImplantPumpFormProps {
  patientId: string;
  clinic: ClinicResponse;
  onImplanted: (pump: PumpResponse) => void;
  onCancel: () => void;
  /** The active pump this one replaces: the form then records its explant too, in one step. */
  replacing?: PumpResponse;
}

const isExplantField = (field: string): field is 'explantedOn' | 'reason' =>
  field === 'explantedOn' || field === 'reason';

export function ImplantPumpForm({ patientId, clinic, onImplanted, onCancel, replacing }: ImplantPumpFormProps) {
  const implant = useImplantPump(patientId);
  const replace = useReplacePump(patientId, replacing?.id ?? '');
  const save = replacing ? replace : implant;
  const [replaceKey] = useState(newIdempotencyKey);
  const [openedOn] = useState(replacing?.version);
  const explantForm = useForm<ExplantFormInput, unknown, ExplantFormOutput>({
    resolver: zodResolver(explantFormSchema, { error: formErrorMap }),
    defaultValues: { explantedOn: todayIn(clinic.timeZone), reason: '' },
  });
  const [unmatchedDetails, setUnmatchedDetails] = useState<ErrorDetail[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ImplantFormInput, unknown, ImplantFormOutput>({
    resolver: zodResolver(implantFormSchema, { error: formErrorMap }),
    defaultValues: {
      serialNumber: '',
      implantedOn: '',
      catheterTipLevel: '',
      eriDate: null,
      initialFill: { performedAt: '', drugProduct: '', lotNumber: '', lotExpiresOn: '' },
    },
  });
  const model = useWatch({ control, name: 'model' }) as PumpModel | undefined;
  const spec = model ? PUMP_CATALOGUE[model] : undefined;

  const submitImplant = handleSubmit((values) => {
    setUnmatchedDetails([]);
    // Awaited rather than mutate's callbacks, which are dropped if the screen has already moved on (the
    // patient now has a pump): the confirmation and the way back must happen whatever rendered first.
    implant
      .mutateAsync(values)
      .then(onImplanted, (error: unknown) => setUnmatchedDetails(applyServerFieldErrors(error, setError, FIELDS)));
  });
  const submitReplacement = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const isExplantValid = await explantForm.trigger();
    await handleSubmit((newPump) => {
      if (!isExplantValid || !replacing || openedOn === undefined) return;
      setUnmatchedDetails([]);
      replace
        .mutateAsync({ body: { ...explantForm.getValues(), version: openedOn, newPump }, idempotencyKey: replaceKey })
        .then(onImplanted, (error: unknown) => {
          // The new pump's fields come back as `newPump.…`, the explant's as they are.
          const rest = applyServerFieldErrors(error, setError, FIELDS, 'newPump');
          for (const detail of rest.filter((d) => isExplantField(d.field))) {
            explantForm.setError(detail.field as 'explantedOn' | 'reason', {
              type: 'server',
              message: detail.message,
            });
          }
          setUnmatchedDetails(rest.filter((d) => !isExplantField(d.field)));
        });
    })(event);
  };

  return (
    <form onSubmit={replacing ? (event) => void submitReplacement(event) : submitImplant} noValidate>
      <Stack gap="lg">
        {save.isError && <FormErrorAlert error={save.error} details={unmatchedDetails} />}

        {replacing && (
          <Card>
            <Title order={2} size="h4" mb={4}>
              Explant of the current pump
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {replacing.modelLabel}, serial {replacing.serialNumber}: its refills, events and flags stay in the
              patient&apos;s history.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Explanted on"
                description="Clinic date"
                type="date"
                withAsterisk
                error={dateErrorText(explantForm.formState.errors.explantedOn)}
                {...explantForm.register('explantedOn')}
              />
              <TextInput
                label="Reason for the replacement"
                description="Kept in the audit log with both records"
                withAsterisk
                error={errorText(explantForm.formState.errors.reason)}
                {...explantForm.register('reason')}
              />
            </SimpleGrid>
          </Card>
        )}

        <Card>
          <Title order={2} size="h4" mb="md">
            Pump
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label="Pump model"
              withAsterisk
              data={MODEL_OPTIONS}
              error={errorText(errors.model)}
              {...register('model', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
            />
            <TextInput
              label="Serial number"
              withAsterisk
              error={errorText(errors.serialNumber)}
              {...register('serialNumber')}
            />
            <TextInput
              label="Implanted on"
              description="Date of the implant operation"
              type="date"
              withAsterisk
              error={dateErrorText(errors.implantedOn)}
              {...register('implantedOn')}
            />
            <TextInput
              label="Catheter tip level"
              description="Vertebral level, e.g. T10"
              error={errorText(errors.catheterTipLevel)}
              {...register('catheterTipLevel')}
            />
            <TextInput
              label="Reservoir (mL)"
              {...numberInputProps}
              placeholder={spec?.reservoirMl !== undefined ? String(spec.reservoirMl) : undefined}
              description={defaultHint(model, spec?.reservoirMl)}
              withAsterisk={model === 'other'}
              error={errorText(errors.reservoirMl)}
              {...register('reservoirMl', { setValueAs: toOptionalNumber })}
            />
            <TextInput
              label="Low-reservoir alarm (mL)"
              {...numberInputProps}
              placeholder={spec?.alarmMl !== undefined ? String(spec.alarmMl) : undefined}
              description={defaultHint(model, spec?.alarmMl)}
              withAsterisk={model === 'other'}
              error={errorText(errors.alarmMl)}
              {...register('alarmMl', { setValueAs: toOptionalNumber })}
            />
            <TextInput
              label="ERI date"
              description="Elective replacement date, when known from interrogation"
              type="date"
              error={dateErrorText(errors.eriDate)}
              {...register('eriDate', { setValueAs: toNullableString })}
            />
          </SimpleGrid>
        </Card>

        <Card>
          <Title order={2} size="h4" mb={4}>
            First fill
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The fill at implant starts the reservoir projection.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <InstantField
              control={control}
              name="initialFill.performedAt"
              label="Fill performed at"
              requiredMessage="Enter the date and time of the fill"
              clinicTimeZone={clinic.timeZone}
            />
            <TextInput
              label="Volume added (mL)"
              withAsterisk
              {...numberInputProps}
              error={errorText(errors.initialFill?.volumeAddedMl)}
              {...register('initialFill.volumeAddedMl', { setValueAs: toOptionalNumber })}
            />
            <ConcentrationField control={control} name="initialFill.concentrationMcgPerMl" />
            <TextInput
              label="Daily dose (mcg/day)"
              withAsterisk
              {...numberInputProps}
              error={errorText(errors.initialFill?.dailyDoseMcg)}
              {...register('initialFill.dailyDoseMcg', { setValueAs: toOptionalNumber })}
            />
            <TextInput
              label="Drug product"
              withAsterisk
              placeholder="e.g. Baclofen intrathecal"
              error={errorText(errors.initialFill?.drugProduct)}
              {...register('initialFill.drugProduct')}
            />
            <TextInput
              label="Lot number"
              withAsterisk
              error={errorText(errors.initialFill?.lotNumber)}
              {...register('initialFill.lotNumber')}
            />
            <TextInput
              label="Lot expiry"
              type="date"
              withAsterisk
              error={dateErrorText(errors.initialFill?.lotExpiresOn)}
              {...register('initialFill.lotExpiresOn')}
            />
          </SimpleGrid>
          <Stack mt="md">
            <ImplantPreview
              control={control}
              register={register}
              confirmError={errorText(errors.initialFill?.confirmShortInterval)}
              clinic={clinic}
            />
          </Stack>
        </Card>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending || isSubmitting}>
            {replacing ? 'Replace pump' : 'Implant pump'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
