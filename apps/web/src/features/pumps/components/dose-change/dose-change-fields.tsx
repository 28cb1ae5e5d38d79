import { DOSE_REASON_LABELS } from '@itb/contracts';
import { Card, NativeSelect, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { errorText } from '../../../../lib/form-errors';
import { formatMcgPerDay } from '../../../../lib/format';
import { toOptionalNumber } from '../../../../lib/form-values';
import { InstantField } from '../instant-field';
import type { DoseChangeFormInput } from './dose-change-form-schema';

export interface SpecialistOption {
  id: string;
  name: string;
}

const REASON_OPTIONS = [
  { value: '', label: 'Select…' },
  ...Object.entries(DOSE_REASON_LABELS).map(([value, label]) => ({ value, label })),
];

const emptyToUndefined = (value: string) => (value === '' ? undefined : value);

interface DoseChangeFieldsProps {
  control: Control<DoseChangeFormInput>;
  register: UseFormRegister<DoseChangeFormInput>;
  errors: FieldErrors<DoseChangeFormInput>;
  currentDailyDoseMcg: number;
  specialists: SpecialistOption[];
  timeZone: string;
}

/** The new programme and who ordered it. */
export function DoseChangeFields({
  control,
  register,
  errors,
  currentDailyDoseMcg,
  specialists,
  timeZone,
}: DoseChangeFieldsProps) {
  const specialistOptions = [
    { value: '', label: specialists.length ? 'Select…' : 'No active specialist in this clinic' },
    ...specialists.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Card>
      <Title order={2} size="h4" mb="md">
        New programme
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="New daily dose (mcg/day)"
          description={`Programmed now: ${formatMcgPerDay(currentDailyDoseMcg)}`}
          withAsterisk
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          error={errorText(errors.newDailyDoseMcg)}
          {...register('newDailyDoseMcg', { setValueAs: toOptionalNumber })}
        />
        <InstantField
          control={control}
          name="effectiveAt"
          label="Effective at"
          requiredMessage="Enter when the pump was reprogrammed"
          clinicTimeZone={timeZone}
        />
        <NativeSelect
          label="Reason"
          withAsterisk
          data={REASON_OPTIONS}
          error={errorText(errors.reason)}
          {...register('reason', { setValueAs: emptyToUndefined })}
        />
        <NativeSelect
          label="Ordering specialist"
          withAsterisk
          data={specialistOptions}
          error={errorText(errors.orderedById)}
          {...register('orderedById', { setValueAs: emptyToUndefined })}
        />
      </SimpleGrid>
      <Textarea label="Notes" mt="md" autosize minRows={2} error={errorText(errors.notes)} {...register('notes')} />
    </Card>
  );
}
