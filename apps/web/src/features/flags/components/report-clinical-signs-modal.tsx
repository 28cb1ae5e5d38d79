import { zodResolver } from '@hookform/resolvers/zod';
import { CLINICAL_SIGN_LABELS, manualFlagRequestSchema, SIGN_KIND_LABELS, type ErrorDetail } from '@itb/contracts';
import { isSignOfKind, SIGN_KINDS, SIGNS_BY_KIND, type SignKind } from '@itb/domain';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagonFilled } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useRaiseClinicalSignsFlag } from '../api/raise-clinical-signs-flag';

type ReportInput = z.input<typeof manualFlagRequestSchema>;

interface ReportedPatient {
  id: string;
  name: string;
}

function ReportClinicalSignsForm({ patient, onDone }: { patient: ReportedPatient; onDone: () => void }) {
  // One key per dialog: a retry after a lost answer raises one flag.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const signsErrorId = useId();
  const raise = useRaiseClinicalSignsFlag(patient.id);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ReportInput, unknown, z.output<typeof manualFlagRequestSchema>>({
    resolver: zodResolver(manualFlagRequestSchema, { error: formErrorMap }),
    defaultValues: { kind: 'withdrawal', signs: [], note: '' },
  });
  const kind: SignKind = useWatch({ control, name: 'kind' }) ?? 'withdrawal';
  // Switching the kind keeps only the ticked signs the other kind also has (seizures).
  const changeKind = (next: SignKind) =>
    setValue(
      'signs',
      (getValues('signs') ?? []).filter((sign) => isSignOfKind(sign, next)),
    );

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    // In the list's order, whatever order they were ticked in.
    const body = { ...values, signs: SIGNS_BY_KIND[values.kind].filter((sign) => values.signs.includes(sign)) };
    raise.mutate(
      { body, idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({
            color: 'red',
            title: 'Critical flag raised',
            message: `${SIGN_KIND_LABELS[body.kind]} recorded for ${patient.name}.`,
          });
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['kind', 'signs', 'note'])),
      },
    );
  });

  const signsError = errorText(errors.signs);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertOctagonFilled aria-hidden />}
          title="This raises a critical flag"
        >
          Withdrawal and overdose both need action within hours: an overdose with slow breathing or loss of
          consciousness needs an ambulance now. The flag goes to the top of the clinic&apos;s flags list and stays on{' '}
          {patient.name}&apos;s chart until a specialist resolves it.
        </Alert>
        {raise.isError && <FormErrorAlert error={raise.error} details={unmatched} title="Could not raise the flag" />}
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Radio.Group
              label="What was observed"
              withAsterisk
              name={field.name}
              value={field.value ?? 'withdrawal'}
              onChange={(value) => {
                field.onChange(value);
                changeKind(value as SignKind);
              }}
              error={errorText(errors.kind)}
            >
              <Group gap="lg" mt={6}>
                {SIGN_KINDS.map((value, index) => (
                  <Radio
                    key={value}
                    value={value}
                    label={SIGN_KIND_LABELS[value]}
                    data-autofocus={index === 0 ? true : undefined}
                  />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Fieldset
          legend={`${SIGN_KIND_LABELS[kind]} observed`}
          variant="unstyled"
          aria-describedby={signsError ? signsErrorId : undefined}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
            {SIGNS_BY_KIND[kind].map((sign) => (
              <Checkbox
                key={`${kind}-${sign}`}
                value={sign}
                label={CLINICAL_SIGN_LABELS[sign]}
                {...register('signs')}
              />
            ))}
          </SimpleGrid>
          {signsError && (
            <Text id={signsErrorId} size="sm" c="var(--mantine-color-error)" mt="xs">
              {signsError}
            </Text>
          )}
        </Fieldset>
        <Textarea
          label="Note"
          description="What was seen or reported, by whom, and since when."
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          error={errorText(errors.note)}
          {...register('note')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red.9" loading={raise.isPending || isSubmitting}>
            Raise critical flag
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReportClinicalSignsModal({
  patient,
  opened,
  onClose,
}: {
  patient: ReportedPatient;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Report withdrawal or overdose signs" size="lg">
      {opened && <ReportClinicalSignsForm patient={patient} onDone={onClose} />}
    </Modal>
  );
}
