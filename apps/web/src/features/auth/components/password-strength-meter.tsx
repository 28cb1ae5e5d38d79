import { PASSWORD_MIN_LENGTH } from '@itb/contracts';
import { Group, List, Progress, Stack, Text } from '@mantine/core';
import type { PasswordStrength } from '../lib/password-strength';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
const COLORS = ['red.9', 'red.9', 'orange.9', 'clinic', 'clinic'] as const;

/** Live feedback under a new password: a bar, a word, and zxcvbn's advice; announced politely. */
export function PasswordStrengthMeter({ strength, id }: { strength: PasswordStrength | null; id: string }) {
  if (!strength) {
    return (
      <Text id={id} size="xs" c="dimmed">
        At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.
      </Text>
    );
  }
  const label = strength.isLongEnough ? LABELS[strength.score] : 'Too short';
  return (
    <Stack id={id} gap={4} aria-live="polite">
      <Progress
        value={strength.isLongEnough ? ((strength.score + 1) / 5) * 100 : 10}
        color={strength.isLongEnough ? COLORS[strength.score] : 'red.9'}
        size="sm"
        aria-hidden
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={600}>
          Strength: {label}
        </Text>
        <Text size="xs" c={strength.isAcceptable ? 'clinic.8' : 'red.9'}>
          {strength.isAcceptable ? 'Good enough' : 'Not accepted yet'}
        </Text>
      </Group>
      {!strength.isLongEnough && (
        <Text size="xs">
          Use at least {PASSWORD_MIN_LENGTH} characters ({strength.length} so far).
        </Text>
      )}
      {strength.feedback.length > 0 && (
        <List size="xs" spacing={2}>
          {strength.feedback.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
