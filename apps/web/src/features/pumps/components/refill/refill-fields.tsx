import { Card, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { dateErrorText, errorText } from '../../../../lib/form-errors';
import { formatInstant, formatMcgPerDay, formatMl } from '../../../../lib/format';
import { toNullableNumber, toOptionalNumber } from '../../../../lib/form-values';
import type { PumpBasis } from '../../lib/pump-basis';
import { ConcentrationField } from '../concentration-field';
import { InstantField } from '../instant-field';
import type { RefillFormInput } from './refill-form-schema';

const numberInputProps = { type: 'number', inputMode: 'decimal', step: 'any', min: 0 } as const;

interface RefillFieldsProps {
  basis: PumpBasis;
  control: Control<RefillFormInput>;
  register: UseFormRegister<RefillFormInput>;
  errors: FieldErrors<RefillFormInput>;
  currentDailyDoseMcg: number;
  timeZone: string;
}

/** The refill's inputs, in the order a nurse works: withdraw, refill, programme, record the lot. */
export function RefillFields({ basis, control, register, errors, currentDailyDoseMcg, timeZone }: RefillFieldsProps) {
  const fill = basis.currentFill;
  return (
    <>
      <Card>
        <Title order={2} size="h4" mb={4}>
          Residual
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          The current fill went in on {formatInstant(fill.performedAt, timeZone)} with{' '}
          {formatMl(fill.reservoirVolumeAfterMl)}.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <InstantField
            control={control}
            name="performedAt"
            label="Refill performed at"
            requiredMessage="Enter the date and time of the refill"
            clinicTimeZone={timeZone}
          />
          <TextInput
            label="Residual withdrawn (mL)"
            description="Everything drawn back from the reservoir"
            withAsterisk
            {...numberInputProps}
            error={errorText(errors.residualWithdrawnMl)}
            {...register('residualWithdrawnMl', { setValueAs: toOptionalNumber })}
          />
          <TextInput
            label="Patient boluses reported by the controller (mL)"
            description="Patient-activated doses since the last refill; leave empty if not read"
            {...numberInputProps}
            error={errorText(errors.patientBolusesDeliveredMl)}
            {...register('patientBolusesDeliveredMl', { setValueAs: toNullableNumber })}
          />
        </SimpleGrid>
      </Card>

      <Card>
        <Title order={2} size="h4" mb="md">
          New fill and programme
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Volume added (mL)"
            description={`Reservoir holds ${formatMl(basis.reservoirMl)}`}
            withAsterisk
            {...numberInputProps}
            error={errorText(errors.volumeAddedMl)}
            {...register('volumeAddedMl', { setValueAs: toOptionalNumber })}
          />
          <TextInput
            label="Volume in the reservoir after (mL)"
            description="Only when drug was left in it: volume added + left; empty means none was left"
            {...numberInputProps}
            error={errorText(errors.reservoirVolumeAfterMl)}
            {...register('reservoirVolumeAfterMl', { setValueAs: toOptionalNumber })}
          />
          <ConcentrationField control={control} name="concentrationMcgPerMl" />
          <TextInput
            label="Daily dose (mcg/day)"
            description={`Programmed now: ${formatMcgPerDay(currentDailyDoseMcg)}`}
            withAsterisk
            {...numberInputProps}
            error={errorText(errors.dailyDoseMcg)}
            {...register('dailyDoseMcg', { setValueAs: toOptionalNumber })}
          />
          <TextInput
            label="Bolus allowance (mcg/day)"
            description="Patient-activated doses (PTM); leave empty for none"
            {...numberInputProps}
            error={errorText(errors.patientBolusMcgPerDay)}
            {...register('patientBolusMcgPerDay', { setValueAs: toNullableNumber })}
          />
        </SimpleGrid>
      </Card>

      <Card>
        <Title order={2} size="h4" mb="md">
          Drug
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Drug product"
            withAsterisk
            error={errorText(errors.drugProduct)}
            {...register('drugProduct')}
          />
          <TextInput label="Lot number" withAsterisk error={errorText(errors.lotNumber)} {...register('lotNumber')} />
          <TextInput
            label="Lot expiry"
            type="date"
            withAsterisk
            error={dateErrorText(errors.lotExpiresOn)}
            {...register('lotExpiresOn')}
          />
        </SimpleGrid>
        <Textarea label="Notes" mt="md" autosize minRows={2} error={errorText(errors.notes)} {...register('notes')} />
      </Card>
    </>
  );
}
