import { zodResolver } from '@hookform/resolvers/zod';
import { type CreatedApiTokenResponse, createApiTokenRequestSchema, type ErrorDetail } from '@itb/contracts';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useCreateApiToken } from '../api/create-api-token';

type CreateInput = z.input<typeof createApiTokenRequestSchema>;
const FIELDS: readonly FieldPath<CreateInput>[] = ['name'];

function CreateApiTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedApiTokenResponse) => void;
  onCancel: () => void;
}) {
  const create = useCreateApiToken();
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInput, unknown, z.output<typeof createApiTokenRequestSchema>>({
    resolver: zodResolver(createApiTokenRequestSchema, { error: formErrorMap }),
    defaultValues: { name: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    create.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {create.isError && <FormErrorAlert error={create.error} details={unmatched} />}
        <TextInput
          label="Name"
          description="What the token is for, e.g. the system that will use it"
          withAsterisk
          data-autofocus
          error={errorText(errors.name)}
          {...register('name')}
        />
        <Text size="sm" c="dimmed">
          The token reads this clinic&apos;s records through the FHIR API and can do nothing else.
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || isSubmitting}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secret, shown once: copy it into the client's configuration now. */
function TokenSecret({ created, onDone }: { created: CreatedApiTokenResponse; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Text size="sm">
        Give this secret to <strong>{created.token.name}</strong>. It is sent as <code>Authorization: Bearer …</code> to{' '}
        <code>/api/fhir/R4</code>.
      </Text>
      <OneTimeSecret
        label="Secret"
        value={created.secret}
        copyLabel="Copy secret"
        notice="The clinic keeps only a hash of this secret. If it is lost, revoke the token and create another."
      />
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

export function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiTokenResponse | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Token created: copy the secret' : 'New API token'}
      size="lg"
    >
      {/* Mounted only while open: each opening starts empty, and the secret is gone once closed. */}
      {opened &&
        (created ? (
          <TokenSecret created={created} onDone={close} />
        ) : (
          <CreateApiTokenForm onCreated={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}
