import { zodResolver } from '@hookform/resolvers/zod';
import { createUserRequestSchema, ROLES, type ErrorDetail } from '@itb/contracts';
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ROLE_LABELS } from '../../../lib/auth';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';

type CreateUserInput = z.input<typeof createUserRequestSchema>;
const FIELDS: readonly FieldPath<CreateUserInput>[] = ['name', 'email', 'role', 'password'];
const ROLE_OPTIONS = [
  { value: '', label: 'Select…' },
  ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
];

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const createUser = useCreateUser();
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateUserInput, unknown, z.output<typeof createUserRequestSchema>>({
    resolver: zodResolver(createUserRequestSchema, { error: formErrorMap }),
    defaultValues: { name: '', email: '', password: '' },
  });

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    createUser.mutate(values, {
      onSuccess: (user) => {
        notifications.show({ color: 'clinic', title: 'User added', message: `${user.name} can now sign in.` });
        onDone();
      },
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
        <PasswordInput
          label="Initial password"
          description="At least 12 characters. Share it with the user privately."
          withAsterisk
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.password)}
          {...register('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            Add user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add user" size="md">
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {opened && <CreateUserForm onDone={onClose} />}
    </Modal>
  );
}
