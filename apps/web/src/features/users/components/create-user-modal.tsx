import { zodResolver } from '@hookform/resolvers/zod';
import { createUserRequestSchema, ROLES, type ErrorDetail } from '@itb/contracts';
import type { UserWithInvitationResponse } from '@itb/contracts';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ROLE_LABELS } from '../../../lib/auth';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';
import { InvitationLink } from './invitation-link';

type CreateUserInput = z.input<typeof createUserRequestSchema>;
const FIELDS: readonly FieldPath<CreateUserInput>[] = ['name', 'email', 'role'];
const ROLE_OPTIONS = [
  { value: '', label: 'Select…' },
  ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
];

function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: UserWithInvitationResponse) => void;
  onCancel: () => void;
}) {
  const createUser = useCreateUser();
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput, unknown, z.output<typeof createUserRequestSchema>>({
    resolver: zodResolver(createUserRequestSchema, { error: formErrorMap }),
    defaultValues: { name: '', email: '' },
  });

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    createUser.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {createUser.isError && <FormErrorAlert error={createUser.error} details={unmatched} />}
        <TextInput label="Full name" withAsterisk data-autofocus error={errorText(errors.name)} {...register('name')} />
        <TextInput
          label="Email"
          type="email"
          withAsterisk
          autoComplete="off"
          error={errorText(errors.email)}
          {...register('email')}
        />
        <NativeSelect
          label="Role"
          withAsterisk
          data={ROLE_OPTIONS}
          error={errorText(errors.role)}
          {...register('role')}
        />
        <Text size="sm" c="dimmed">
          You get a one-time link for the user to choose their own password.
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createUser.isPending || isSubmitting}>
            Add user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserModal({
  opened,
  onClose,
  timeZone,
}: {
  opened: boolean;
  onClose: () => void;
  timeZone: string;
}) {
  const [created, setCreated] = useState<UserWithInvitationResponse | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? 'User added: send the link' : 'Add user'} size="lg">
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {opened &&
        (created ? (
          <InvitationLink
            invitation={created.invitation}
            userName={created.user.name}
            timeZone={timeZone}
            onDone={close}
          />
        ) : (
          <CreateUserForm onCreated={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}
