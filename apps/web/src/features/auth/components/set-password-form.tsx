import { zodResolver } from '@hookform/resolvers/zod';
import { passwordSchema } from '@itb/contracts';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useAcceptInvitation } from '../api/invitation';
import { checkPasswordStrength, usePasswordStrength } from '../lib/password-strength';
import { PasswordStrengthMeter } from './password-strength-meter';

const setPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'does not match' });
type SetPasswordInput = z.infer<typeof setPasswordSchema>;

/** The invited (or reset) user chooses their own password; the link works once. */
export function SetPasswordForm({
  token,
  email,
  name,
  onDone,
}: {
  token: string;
  email: string;
  name: string;
  onDone: () => void;
}) {
  const accept = useAcceptInvitation();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema, { error: formErrorMap }),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const strength = usePasswordStrength(useWatch({ control, name: 'password' }), [email, name]);

  const onSubmit = handleSubmit(async ({ password }) => {
    const checked = await checkPasswordStrength(password, [email, name]);
    if (!checked.isAcceptable) {
      setError('password', { type: 'strength', message: 'is too easy to guess: see the advice below' });
      return;
    }
    accept.mutate(
      { token, password },
      { onSuccess: onDone, onError: (error) => applyServerFieldErrors(error, setError, ['password']) },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Set your password">
      <Stack gap="md">
        {accept.isError && <FormErrorAlert error={accept.error} title="Could not set the password" />}
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label="New password"
          withAsterisk
          autoComplete="new-password"
          data-autofocus
          aria-describedby="set-password-strength"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.password)}
          {...register('password')}
        />
        <PasswordStrengthMeter strength={strength} id="set-password-strength" />
        <PasswordInput
          label="Repeat the new password"
          withAsterisk
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.confirmPassword)}
          {...register('confirmPassword')}
        />
        <Button type="submit" fullWidth loading={accept.isPending || isSubmitting} mt="xs">
          Set password
        </Button>
      </Stack>
    </form>
  );
}
