import { zodResolver } from '@hookform/resolvers/zod';
import { CLINICAL_SIGN_LABELS, manualFlagRequestSchema, type ErrorDetail } from '@itb/contracts';
import { CLINICAL_SIGNS } from '@itb/domain';
import { Alert, Button, Checkbox, Fieldset, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagonFilled } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
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
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ReportInput, unknown, z.output<typeof manualFlagRequestSchema>>({
    resolver: zodResolver(manualFlagRequestSchema, { error: formErrorMap }),
    defaultValues: { signs: [], note: '' },
  });

  const onSubmit = handleSubmit((body) => {
    setUnmatched([]);
    raise.mutate(
      { body, idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({
            color: 'red',
            title: 'Critical flag raised',
            message: `Clinical signs recorded for ${patient.name}.`,
          });
          onDone();
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['signs', 'note'])),
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
          title="This raises a critical withdrawal-risk flag"
        >
          Early signs of baclofen withdrawal need action within hours. The flag goes to the top of the clinic&apos;s
          flags list and stays on {patient.name}&apos;s chart until a specialist resolves it.
        </Alert>
        {raise.isError && <FormErrorAlert error={raise.error} details={unmatched} title="Could not raise the flag" />}
        <Fieldset legend="Signs observed" variant="unstyled" aria-describedby={signsError ? signsErrorId : undefined}>
          <Stack gap="xs">
            {CLINICAL_SIGNS.map((sign, index) => (
              <Checkbox
                key={sign}
                value={sign}
                label={CLINICAL_SIGN_LABELS[sign]}
                data-autofocus={index === 0 ? true : undefined}
                {...register('signs')}
              />
            ))}
          </Stack>
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
          <Button type="submit" color="red.9" loading={raise.isPending}>
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
    <Modal opened={opened} onClose={onClose} title="Report clinical signs" size="lg">
      {opened && <ReportClinicalSignsForm patient={patient} onDone={onClose} />}
    </Modal>
  );
}
