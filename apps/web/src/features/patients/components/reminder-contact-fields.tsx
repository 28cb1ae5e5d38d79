import type { PatientResponse } from '@itb/contracts';
import { Card, Checkbox, NativeSelect, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { errorText } from '../../../lib/form-errors';
import { formatInstantDate } from '../../../lib/format';

/** The patient form's fields these inputs fill (issue 13: contact and consent for reminders). */
interface ReminderFields extends FieldValues {
  email?: string | null;
  postalAddress?: string | null;
  reminderChannel?: 'email' | 'letter';
  remindersOptOut?: boolean;
}

interface ReminderContactFieldsProps<T extends ReminderFields> {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  patient?: PatientResponse;
  timeZone: string;
}

/** How the clinic reminds the patient of refills, and whether the patient has asked not to be reminded. */
export function ReminderContactFields<T extends ReminderFields>({
  register,
  errors,
  patient,
  timeZone,
}: ReminderContactFieldsProps<T>) {
  const field = (name: keyof ReminderFields) => name as Path<T>;
  const error = (name: keyof ReminderFields) => errorText(errors[name] as Parameters<typeof errorText>[0]);
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        Refill reminders
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Reminders go out 7 and 1 days before each booked refill (the clinic&apos;s settings), and once when a refill is
        overdue with nothing booked. They name the appointment and the clinic&apos;s 24-hour number; letters add the
        alarm date and the withdrawal signs.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="off"
          error={error('email')}
          {...register(field('email'))}
        />
        <NativeSelect
          label="Remind by"
          data={[
            { value: 'email', label: 'E-mail' },
            { value: 'letter', label: 'Printed letter' },
          ]}
          error={error('reminderChannel')}
          {...register(field('reminderChannel'))}
        />
      </SimpleGrid>
      <Textarea
        label="Postal address"
        description="For letters: one line each"
        autosize
        minRows={2}
        mt="md"
        error={error('postalAddress')}
        {...register(field('postalAddress'))}
      />
      <Checkbox
        mt="md"
        label="The patient has asked for no reminders"
        description={
          patient?.remindersOptedOutAt
            ? `Recorded on ${formatInstantDate(patient.remindersOptedOutAt, timeZone)} by ${patient.remindersOptedOutByName ?? 'a former user'}. Overdue patients still go on the nurses' call list.`
            : "Overdue patients still go on the nurses' call list."
        }
        {...register(field('remindersOptOut'))}
      />
    </Card>
  );
}
