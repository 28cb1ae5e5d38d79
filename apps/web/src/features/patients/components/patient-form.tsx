import { zodResolver } from '@hookform/resolvers/zod';
import {
  CAUTION_LABELS,
  CAUTIONS,
  createPatientRequestSchema,
  DIAGNOSIS_LABELS,
  RISK_FACTOR_LABELS,
  RISK_FACTORS,
  type ErrorDetail,
  type PatientResponse,
} from '@itb/contracts';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { CheckboxListField } from '../../../components/ui/checkbox-list-field';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, dateErrorText, errorText, formErrorMap } from '../../../lib/form-errors';
import { toNullableNumber, toNullableString } from '../../../lib/form-values';
import { useCreatePatient } from '../api/create-patient';
import { SEX_LABELS, SPASTICITY_ORIGIN_LABELS, selectOptions } from '../labels';

type PatientFormInput = z.input<typeof createPatientRequestSchema>;

const FIELDS: readonly FieldPath<PatientFormInput>[] = [
  'mrn',
  'givenName',
  'familyName',
  'birthDate',
  'sex',
  'spasticityOrigin',
  'diagnosis',
  'riskFactors',
  'cautions',
  'oralBaclofenBackupMgPerDay',
  'primarySpecialistId',
  'phone',
  'emergencyContact',
  'notes',
];

export interface SpecialistOption {
  id: string;
  name: string;
}

interface PatientFormProps {
  specialists: SpecialistOption[] | undefined;
  isLoadingSpecialists?: boolean;
  defaultPrimarySpecialistId?: string | null;
  onCreated: (patient: PatientResponse) => void;
  onCancel: () => void;
}

export function PatientForm({
  specialists,
  isLoadingSpecialists,
  defaultPrimarySpecialistId = null,
  onCreated,
  onCancel,
}: PatientFormProps) {
  const createPatient = useCreatePatient();
  const [unmatchedDetails, setUnmatchedDetails] = useState<ErrorDetail[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PatientFormInput, unknown, z.output<typeof createPatientRequestSchema>>({
    resolver: zodResolver(createPatientRequestSchema, { error: formErrorMap }),
    defaultValues: {
      mrn: '',
      givenName: '',
      familyName: '',
      birthDate: '',
      riskFactors: [],
      cautions: [],
      oralBaclofenBackupMgPerDay: null,
      primarySpecialistId: defaultPrimarySpecialistId,
      phone: '',
      emergencyContact: '',
      notes: '',
    },
  });

  const onSubmit = handleSubmit((values) => {
    setUnmatchedDetails([]);
    createPatient.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => setUnmatchedDetails(applyServerFieldErrors(error, setError, FIELDS)),
    });
  });

  const specialistOptions = [
    { value: '', label: isLoadingSpecialists ? 'Loading specialists…' : 'None' },
    ...(specialists ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {createPatient.isError && <FormErrorAlert error={createPatient.error} details={unmatchedDetails} />}

        <Card>
          <Title order={2} size="h4" mb="md">
            Identity
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="MRN" withAsterisk error={errorText(errors.mrn)} {...register('mrn')} />
            <TextInput
              label="Birth date"
              type="date"
              withAsterisk
              error={dateErrorText(errors.birthDate)}
              {...register('birthDate')}
            />
            <TextInput label="Given name" withAsterisk error={errorText(errors.givenName)} {...register('givenName')} />
            <TextInput
              label="Family name"
              withAsterisk
              error={errorText(errors.familyName)}
              {...register('familyName')}
            />
            <NativeSelect
              label="Sex"
              withAsterisk
              data={selectOptions(SEX_LABELS)}
              error={errorText(errors.sex)}
              {...register('sex')}
            />
          </SimpleGrid>
        </Card>

        <Card>
          <Title order={2} size="h4" mb="md">
            Clinical
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label="Spasticity origin"
              withAsterisk
              data={selectOptions(SPASTICITY_ORIGIN_LABELS)}
              error={errorText(errors.spasticityOrigin)}
              {...register('spasticityOrigin')}
            />
            <NativeSelect
              label="Diagnosis"
              withAsterisk
              data={selectOptions(DIAGNOSIS_LABELS)}
              error={errorText(errors.diagnosis)}
              {...register('diagnosis')}
            />
            <Controller
              control={control}
              name="primarySpecialistId"
              render={({ field }) => (
                <NativeSelect
                  label="Primary specialist"
                  data={specialistOptions}
                  error={errorText(errors.primarySpecialistId)}
                  name={field.name}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={field.value ?? ''}
                  onChange={(event) => field.onChange(toNullableString(event.currentTarget.value))}
                />
              )}
            />
            <TextInput
              label="Oral baclofen back-up (mg/day)"
              description="The oral dose the patient keeps at home as a bridge. Leave empty if none."
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              error={errorText(errors.oralBaclofenBackupMgPerDay)}
              {...register('oralBaclofenBackupMgPerDay', { setValueAs: toNullableNumber })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="lg">
            <CheckboxListField
              legend="Withdrawal risk factors"
              description="Any of these marks the patient as high risk."
              options={RISK_FACTORS.map((value) => ({ value, label: RISK_FACTOR_LABELS[value] }))}
              error={errorText(errors.riskFactors)}
              register={register('riskFactors')}
            />
            <CheckboxListField
              legend="Cautions"
              description="Shown on the chart and on the emergency card."
              options={CAUTIONS.map((value) => ({ value, label: CAUTION_LABELS[value] }))}
              error={errorText(errors.cautions)}
              register={register('cautions')}
            />
          </SimpleGrid>
        </Card>

        <Card>
          <Title order={2} size="h4" mb="md">
            Contact and notes
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Phone"
              type="tel"
              autoComplete="off"
              error={errorText(errors.phone)}
              {...register('phone')}
            />
            <TextInput
              label="Emergency contact"
              description="Name and phone number"
              error={errorText(errors.emergencyContact)}
              {...register('emergencyContact')}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={3} mt="md" error={errorText(errors.notes)} {...register('notes')} />
        </Card>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createPatient.isPending}>
            Save patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
