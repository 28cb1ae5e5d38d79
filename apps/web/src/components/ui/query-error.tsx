import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { submitErrorMessage } from '../../lib/form-errors';

interface QueryErrorProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
}

/** The error state of a screen or card: what failed, why, and a way to try again. */
export function QueryError({ title = 'Could not load this', error, onRetry, isRetrying }: QueryErrorProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{submitErrorMessage(error)}</Text>
        {onRetry && (
          <Button
            variant="white"
            color="red.9"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
            loading={isRetrying}
          >
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}
