import { zodResolver } from '@hookform/resolvers/zod';
import { passwordSchema, type UserResponse } from '@itb/contracts';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useUpdateUser } from '../api/update-user';

const resetPasswordSchema = z.object({ password: passwordSchema });

function ResetPasswordForm({ user, onDone }: { user: UserResponse; onDone: () => void }) {
  const updateUser = useUpdateUser();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(resetPasswordSchema, { error: formErrorMap }),
    defaultValues: { password: '' },
  });

  const onSubmit = handleSubmit(({ password }) =>
    updateUser.mutate(
      { id: user.id, body: { version: user.version, password } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'clinic',
            title: 'Password reset',
            message: `${user.name} was signed out everywhere and signs in with the new password.`,
          });
          onDone();
        },
        onError: (error) => applyServerFieldErrors(error, setError, ['password']),
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">
          Set a new password for <strong>{user.name}</strong> ({user.email}). Their open sessions end.
        </Text>
        {updateUser.isError && <FormErrorAlert error={updateUser.error} />}
        <PasswordInput
          label="New password"
          description="At least 12 characters."
          withAsterisk
          autoComplete="new-password"
          data-autofocus
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.password)}
          {...register('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={updateUser.isPending}>
            Reset password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: UserResponse | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title="Reset password">
      {user && <ResetPasswordForm user={user} onDone={onClose} />}
    </Modal>
  );
}
