import type { ErrorDetail, FlagResponse } from '@itb/contracts';
import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconUsersGroup } from '@tabler/icons-react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { isApiError } from '../../../lib/api-client';
import { submitErrorMessage } from '../../../lib/form-errors';
import { flagLabel, SEVERITY_COLORS, summaryNow } from '../lib/flag-display';
import { FlagSeverityBadge } from './flag-severity-badge';

/** Which flag a dialog acts on, so nobody acknowledges the wrong patient's flag. */
export function FlagContext({ flag }: { flag: FlagResponse }) {
  return (
    <Paper
      p="sm"
      style={{
        borderLeft: `4px solid ${SEVERITY_COLORS[flag.severity].accent}`,
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      <Stack gap={4}>
        <Group gap="xs">
          <FlagSeverityBadge severity={flag.severity} size="sm" />
          <Text fw={700} size="sm">
            {flagLabel(flag)}
          </Text>
        </Group>
        <Text size="sm">
          {flag.patientName}{' '}
          <Text span ff="monospace" size="sm">
            ({flag.mrn})
          </Text>
        </Text>
        <Text size="sm" c="dimmed">
          {summaryNow(flag)}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * Why a flag action failed. A 409 means someone else acted first (the lists have been refreshed);
 * field messages show beside their fields, so the alert only points at them.
 */
export function FlagActionError({
  error,
  unmatched,
  hasFieldErrors,
}: {
  error: unknown;
  unmatched: ErrorDetail[];
  hasFieldErrors: boolean;
}) {
  if (isApiError(error) && error.status === 409) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconUsersGroup aria-hidden />}
        title="This flag has changed"
        role="alert"
      >
        {error.message}. Someone else acted on it after you opened this dialog; the flags now show it as it is.
      </Alert>
    );
  }
  if (hasFieldErrors) return <FormErrorAlert error={error} details={unmatched} />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not save" role="alert">
      {submitErrorMessage(error)}
    </Alert>
  );
}
