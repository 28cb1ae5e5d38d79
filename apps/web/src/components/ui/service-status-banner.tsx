import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDatabaseOff, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { checkServiceStatus, useServiceStatus } from '../../lib/service-status';

const RECHECK_MS = 5000;

/**
 * The one banner of an outage: the database is down (the API answered 503 DATABASE_UNAVAILABLE) or
 * the server cannot be reached. It says nothing is being saved and that forms keep what was typed,
 * checks the server every 5 s and disappears by itself once it answers again.
 */
export function ServiceStatusBanner() {
  const status = useServiceStatus();
  const [isChecking, setChecking] = useState(false);
  useEffect(() => {
    if (status === 'ok') return;
    const timer = setInterval(() => void checkServiceStatus(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [status]);
  if (status === 'ok') return null;
  const isDatabase = status === 'database-down';
  const checkNow = () => {
    setChecking(true);
    void checkServiceStatus().finally(() => setChecking(false));
  };
  return (
    <Alert
      color="orange"
      variant="filled"
      radius={0}
      role="alert"
      data-testid="service-status-banner"
      icon={isDatabase ? <IconDatabaseOff aria-hidden /> : <IconPlugConnectedX aria-hidden />}
      title={isDatabase ? 'The database is unavailable' : 'The server cannot be reached'}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">
          Nothing can be saved right now. What you have typed stays in the form: save again once this message is gone.
        </Text>
        <Button
          variant="white"
          color="orange.9"
          size="xs"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={checkNow}
          loading={isChecking}
        >
          Check again
        </Button>
      </Group>
    </Alert>
  );
}
