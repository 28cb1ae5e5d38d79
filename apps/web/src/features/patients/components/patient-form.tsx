import { zodResolver } from '@hookform/resolvers/zod';
import {
  CAUTION_LABELS,
  CAUTIONS,
  createPatientRequestSchema,
  DIAGNOSIS_LABELS,
  EMAIL_CHANNEL_NEEDS_ADDRESS,
  INTERACTING_MEDICINE_LABELS,
  INTERACTING_MEDICINES,
  RISK_FACTOR_LABELS,
  RISK_FACTORS,
  type ErrorDetail,
  type PatientResponse,
} from '@itb/contracts';
import { isOralBackupAboveUsualMax, ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY } from '@itb/domain';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch, type DefaultValues, type FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxListField } from '../../../components/ui/checkbox-list-field';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, dateErrorText, errorText, formErrorMap } from '../../../lib/form-errors';
import { toNullableNumber, toNullableString } from '../../../lib/form-values';
import { useCreatePatient } from '../api/create-patient';
import { useUpdatePatient } from '../api/update-patient';
import { SEX_LABELS, SPASTICITY_ORIGIN_LABELS, selectOptions } from '../labels';
import { ReminderContactFields } from './reminder-contact-fields';

/** The patient's fields; an edit also says why (kept on the audit row), which a new patient does not need. */
const emailChannel = (v: { reminderChannel?: string; email?: string | null }) =>
  v.reminderChannel !== 'email' || !!v.email;
const emailChannelError = { path: ['reminderChannel'], message: EMAIL_CHANNEL_NEEDS_ADDRESS };
const patientFormSchema = createPatientRequestSchema
  .extend({ reason: z.string().trim().max(500).optional() })
  .refine(emailChannel, emailChannelError);
const editPatientFormSchema = createPatientRequestSchema
  .extend({ reason: z.string().trim().min(1, 'is required').max(500) })
  .refine(emailChannel, emailChannelError);
type PatientFormInput = z.input<typeof patientFormSchema>;

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
  'interactingMedicines',
  'oralBaclofenBackupMgPerDay',
  'primarySpecialistId',
  'phone',
  'emergencyContact',
  'email',
  'postalAddress',
  'reminderChannel',
  'remindersOptOut',
  'notes',
  'reason',
];

export interface SpecialistOption {
  id: string;
  name: string;
}

interface PatientFormProps {
  /** The clinic's zone: the date an opt-out was recorded reads in it. */
  timeZone: string;
  specialists: SpecialistOption[] | undefined;
  isLoadingSpecialists?: boolean;
  defaultPrimarySpecialistId?: string | null;
  /** Editing this patient (PATCH with its version); absent when adding one. */
  patient?: PatientResponse;
  onSaved: (patient: PatientResponse) => void;
  onCancel: () => void;
}

function defaultValuesOf(
  patient: PatientResponse | undefined,
  primarySpecialistId: string | null,
): DefaultValues<PatientFormInput> {
  if (!patient) {
    return {
      mrn: '',
      givenName: '',
      familyName: '',
      birthDate: '',
      riskFactors: [],
      cautions: [],
      interactingMedicines: [],
      oralBaclofenBackupMgPerDay: null,
      primarySpecialistId,
      phone: '',
      emergencyContact: '',
      email: '',
      postalAddress: '',
      reminderChannel: 'letter',
      remindersOptOut: false,
      notes: '',
    };
  }
  return {
    mrn: patient.mrn,
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    spasticityOrigin: patient.spasticityOrigin,
    diagnosis: patient.diagnosis,
    riskFactors: patient.riskFactors,
    cautions: patient.cautions,
    interactingMedicines: patient.interactingMedicines,
    oralBaclofenBackupMgPerDay: patient.oralBaclofenBackupMgPerDay,
    primarySpecialistId: patient.primarySpecialistId,
    phone: patient.phone ?? '',
    emergencyContact: patient.emergencyContact ?? '',
    email: patient.email ?? '',
    postalAddress: patient.postalAddress ?? '',
    reminderChannel: patient.reminderChannel,
    remindersOptOut: patient.remindersOptedOutAt !== null,
    notes: patient.notes ?? '',
  };
}

export function PatientForm({
  timeZone,
  specialists,
  isLoadingSpecialists,
  defaultPrimarySpecialistId = null,
  patient,
  onSaved,
  onCancel,
}: PatientFormProps) {
  const createPatient = useCreatePatient();
  const updatePatient = useUpdatePatient(patient?.id ?? '');
  // The version the form opened on: someone else's save meanwhile answers 409 instead of being overwritten.
  const [openedVersion] = useState(patient?.version);
  const save = patient ? updatePatient : createPatient;
  const [unmatchedDetails, setUnmatchedDetails] = useState<ErrorDetail[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PatientFormInput, unknown, z.output<typeof patientFormSchema>>({
    resolver: zodResolver(patient ? editPatientFormSchema : patientFormSchema, { error: formErrorMap }),
    defaultValues: defaultValuesOf(patient, defaultPrimarySpecialistId),
  });
  const oralBackup = useWatch({ control, name: 'oralBaclofenBackupMgPerDay' });

  const onSubmit = handleSubmit(({ reason, ...values }) => {
    setUnmatchedDetails([]);
    const options = {
      onSuccess: onSaved,
      onError: (error: Error) => setUnmatchedDetails(applyServerFieldErrors(error, setError, FIELDS)),
    };
    if (patient) {
      // Blank optional text clears the stored value.
      updatePatient.mutate(
        {
          ...values,
          phone: values.phone ?? null,
          emergencyContact: values.emergencyContact ?? null,
          email: values.email ?? null,
          postalAddress: values.postalAddress ?? null,
          notes: values.notes ?? null,
          version: openedVersion ?? patient.version,
          reason,
        },
        options,
      );
    } else createPatient.mutate(values, options);
  });

  const specialistOptions = [
    { value: '', label: isLoadingSpecialists ? 'Loading specialists…' : 'None' },
    ...(specialists ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {save.isError && <FormErrorAlert error={save.error} details={unmatchedDetails} />}

        <Card>
          <Title order={2} size="h4" mb="md">
            Identity
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="MRN" withAsterisk error={errorText(errors.mrn)} {...register('mrn')} />
            <TextInput
              label="Birth date"
              description="The age band (child under 18, over 65) is worked out from it."
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
              inputWrapperOrder={['label', 'description', 'input', 'error']}
              {...register('oralBaclofenBackupMgPerDay', { setValueAs: toNullableNumber })}
            />
            {isOralBackupAboveUsualMax(typeof oralBackup === 'number' ? oralBackup : Number(oralBackup) || null) && (
              <Text size="sm" c="orange.9" fw={600} role="status" style={{ gridColumn: '1 / -1' }}>
                Above the usual oral maximum of {ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY} mg/day: allowed, but it is a
                specialist&apos;s decision. Check the dose before saving.
              </Text>
            )}
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
            <CheckboxListField
              legend="Interacting medicines"
              description="CNS depressants the patient takes: they add sedation and slow breathing. On the card too."
              options={INTERACTING_MEDICINES.map((value) => ({ value, label: INTERACTING_MEDICINE_LABELS[value] }))}
              error={errorText(errors.interactingMedicines)}
              register={register('interactingMedicines')}
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

        <ReminderContactFields register={register} errors={errors} patient={patient} timeZone={timeZone} />

        {patient && (
          <Textarea
            label="Reason for the change"
            description="Kept in the audit log, e.g. “New phone number given at clinic”"
            withAsterisk
            autosize
            minRows={2}
            error={errorText(errors.reason)}
            {...register('reason')}
          />
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending || isSubmitting}>
            {patient ? 'Save changes' : 'Save patient'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
