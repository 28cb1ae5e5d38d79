import { Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';

/** Why the entered time cannot be used yet (before the last change, in the future). */
export function TimingProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <Text size="sm" c="orange.9" fw={600}>
      <IconClockExclamation size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> {problem}
    </Text>
  );
}
