import { zodResolver } from '@hookform/resolvers/zod';
import { passwordSchema } from '@itb/contracts';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { ErrorDetail } from '@itb/contracts';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';
import { checkPasswordStrength, usePasswordStrength } from '../lib/password-strength';
import { PasswordStrengthMeter } from './password-strength-meter';

const changePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, 'is required'),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'does not match' });
type ChangePasswordInput = z.infer<typeof changePasswordFormSchema>;
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** One's own password: the current one, then a new one with live strength feedback. */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const change = useChangePassword();
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordFormSchema, { error: formErrorMap }),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const strength = usePasswordStrength(useWatch({ control, name: 'newPassword' }), [email, name]);

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setUnmatched([]);
    const checked = await checkPasswordStrength(newPassword, [email, name]);
    if (!checked.isAcceptable) {
      setError('newPassword', { type: 'strength', message: 'is too easy to guess: see the advice below' });
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          reset();
          notifications.show({
            color: 'clinic',
            title: 'Password changed',
            message: 'Your other sessions were signed out; this one stays signed in.',
          });
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change your password">
      <Stack gap="md" maw={420}>
        {change.isError && <FormErrorAlert error={change.error} details={unmatched} title="Could not change it" />}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label="Current password"
          withAsterisk
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.currentPassword)}
          {...register('currentPassword')}
        />
        <PasswordInput
          label="New password"
          withAsterisk
          autoComplete="new-password"
          aria-describedby="change-password-strength"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.newPassword)}
          {...register('newPassword')}
        />
        <PasswordStrengthMeter strength={strength} id="change-password-strength" />
        <PasswordInput
          label="Repeat the new password"
          withAsterisk
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
          error={errorText(errors.confirmPassword)}
          {...register('confirmPassword')}
        />
        <Group>
          <Button type="submit" loading={change.isPending || isSubmitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
