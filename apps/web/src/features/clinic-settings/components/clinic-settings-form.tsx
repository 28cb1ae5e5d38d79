import { zodResolver } from '@hookform/resolvers/zod';
import type { ClinicResponse, ErrorDetail, UpdateClinicRequest } from '@itb/contracts';
import { isValidTimeZone } from '@itb/domain';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxListField } from '../../../components/ui/checkbox-list-field';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { api } from '../../../lib/api-client';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { queryKeys } from '../../../lib/query-keys';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)');
const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** The form's own shape: the days to remind are typed as "7, 1"; the API's contract checks the rest again. */
const formSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120),
    timeZone: z.string().trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London'),
    clinicDays: z.array(z.string()).min(1, 'must hold at least one day'),
    opensAt: time,
    closesAt: time,
    slotsPerDay: whole(1, 200),
    refillLeadDays: whole(0, 30),
    dueSoonWindowDays: whole(1, 90),
    maxDrugDaysInPump: whole(1, 365),
    emergencyPhone: z.string().trim().max(40),
    reminderDaysBefore: z
      .string()
      .regex(/^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*){0,3})?$/, 'must be up to 4 whole days separated by commas, such as 7, 1'),
    messagesAt: time,
  })
  .refine((c) => c.opensAt < c.closesAt, { path: ['closesAt'], message: 'must be after the opening time' });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const FIELDS: readonly FieldPath<FormInput>[] = [
  'name',
  'timeZone',
  'clinicDays',
  'opensAt',
  'closesAt',
  'slotsPerDay',
  'refillLeadDays',
  'dueSoonWindowDays',
  'maxDrugDaysInPump',
  'emergencyPhone',
  'reminderDaysBefore',
  'messagesAt',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((label, i) => ({
  value: String(i + 1),
  label,
}));

export const toClinicUpdate = (values: FormOutput, version: number): UpdateClinicRequest => ({
  version,
  name: values.name,
  timeZone: values.timeZone,
  clinicDays: values.clinicDays.map(Number).sort((a, b) => a - b),
  opensAt: values.opensAt,
  closesAt: values.closesAt,
  slotsPerDay: values.slotsPerDay,
  refillLeadDays: values.refillLeadDays,
  dueSoonWindowDays: values.dueSoonWindowDays,
  maxDrugDaysInPump: values.maxDrugDaysInPump,
  emergencyPhone: values.emergencyPhone === '' ? null : values.emergencyPhone,
  reminderDaysBefore: values.reminderDaysBefore
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map(Number),
  messagesAt: values.messagesAt,
});

/** The administrator's clinic settings: calendar, capacity, refill scheduling, the 24-hour number and reminders. */
export function ClinicSettingsForm({ clinic }: { clinic: ClinicResponse }) {
  const queryClient = useQueryClient();
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const save = useMutation({
    mutationFn: (body: UpdateClinicRequest) => api.patch<ClinicResponse>('/clinic', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.clinic.detail(), saved);
      // The signed-in user's clinic name and zone come with /auth/me.
      void queryClient.invalidateQueries({ queryKey: queryKeys.auth.me() });
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema, { error: formErrorMap }),
    defaultValues: {
      ...clinic,
      clinicDays: clinic.clinicDays.map(String),
      emergencyPhone: clinic.emergencyPhone ?? '',
      reminderDaysBefore: clinic.reminderDaysBefore.join(', '),
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      const saved = await save.mutateAsync(toClinicUpdate(values, clinic.version));
      reset({
        ...saved,
        clinicDays: saved.clinicDays.map(String),
        emergencyPhone: saved.emergencyPhone ?? '',
        reminderDaysBefore: saved.reminderDaysBefore.join(', '),
      });
      notifications.show({ color: 'clinic', title: 'Clinic settings saved', message: saved.name });
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error as Error, setError, FIELDS));
    }
  });
  const number = { valueAsNumber: true } as const;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Clinic settings">
      <Stack gap="md">
        {save.isError && <FormErrorAlert error={save.error} details={unmatched} title="Could not save the settings" />}
        <Card>
          <Title order={2} size="h4" mb="md">
            Clinic and calendar
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Name" withAsterisk error={errorText(errors.name)} {...register('name')} />
            <TextInput
              label="Time zone"
              description="IANA name, e.g. Europe/London: every date and time is on this clock"
              withAsterisk
              error={errorText(errors.timeZone)}
              {...register('timeZone')}
            />
            <TextInput label="Opens at" type="time" error={errorText(errors.opensAt)} {...register('opensAt')} />
            <TextInput label="Closes at" type="time" error={errorText(errors.closesAt)} {...register('closesAt')} />
            <TextInput
              label="Appointments a day"
              description="The booking form warns once a day is full"
              type="number"
              error={errorText(errors.slotsPerDay)}
              {...register('slotsPerDay', number)}
            />
            <TextInput
              label="24-hour phone"
              description="On the wallet card, the worksheets and every reminder"
              type="tel"
              error={errorText(errors.emergencyPhone)}
              {...register('emergencyPhone')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
            <CheckboxListField
              legend="Clinic days"
              options={WEEKDAYS}
              error={errorText(errors.clinicDays)}
              register={register('clinicDays')}
            />
          </SimpleGrid>
        </Card>
        <Card>
          <Title order={2} size="h4" mb="md">
            Refill scheduling
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Refill lead (days)"
              description="Refill this many days before the alarm"
              type="number"
              error={errorText(errors.refillLeadDays)}
              {...register('refillLeadDays', number)}
            />
            <TextInput
              label="Due-soon window (days)"
              description="How far ahead the queue looks"
              type="number"
              error={errorText(errors.dueSoonWindowDays)}
              {...register('dueSoonWindowDays', number)}
            />
            <TextInput
              label="Longest drug stay (days)"
              description="Drug stability in the reservoir"
              type="number"
              error={errorText(errors.maxDrugDaysInPump)}
              {...register('maxDrugDaysInPump', number)}
            />
          </SimpleGrid>
        </Card>
        <Card>
          <Title order={2} size="h4" mb={4}>
            Reminders
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Patients are reminded of each booked refill these many days before, and the morning digest goes to the
            clinicians who turned it on, from this time on each clinic day.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Days before a refill"
              description="Up to 4, separated by commas, e.g. 7, 1"
              error={errorText(errors.reminderDaysBefore)}
              {...register('reminderDaysBefore')}
            />
            <TextInput
              label="From (clinic time)"
              type="time"
              error={errorText(errors.messagesAt)}
              {...register('messagesAt')}
            />
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          <Button type="submit" disabled={!isDirty} loading={save.isPending || isSubmitting}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
