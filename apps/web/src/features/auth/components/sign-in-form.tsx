import { zodResolver } from '@hookform/resolvers/zod';
import { loginRequestSchema } from '@itb/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconClockPause } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { isApiError } from '../../../lib/api-client';
import { errorText, formErrorMap, submitErrorMessage } from '../../../lib/form-errors';
import { useLogin } from '../api/login';

function SignInError({ error }: { error: unknown }) {
  if (isApiError(error) && error.status === 429) {
    return (
      <Alert
        color="orange.9"
        variant="light"
        title="Too many attempts"
        icon={<IconClockPause aria-hidden />}
        role="alert"
      >
        {error.message || 'Too many sign-in attempts. Wait a moment and try again.'}
      </Alert>
    );
  }
  const message =
    isApiError(error) && error.status === 401
      ? 'The email or password is not right. Check both and try again.'
      : submitErrorMessage(error);
  return (
    <Alert color="red" variant="light" title="Could not sign in" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

export function SignInForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(loginRequestSchema, { error: formErrorMap }),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit((values) => login.mutate(values, { onSuccess }));

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {login.isError && <SignInError error={login.error} />}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          error={errorText(errors.email)}
          {...register('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.password)}
          {...register('password')}
        />
        <Button type="submit" fullWidth loading={login.isPending || isSubmitting} mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
