import { Alert, Button, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { IconRefresh, IconUsersGroup } from '@tabler/icons-react';

/** The answer to a 409 STALE_VERSION: someone saved a change to this pump after the form opened. */
export function StalePumpAlert({ onReload, isReloading }: { onReload: () => void; isReloading?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // The save button sits at the foot of a long form: bring the news to where the user is looking.
  useEffect(() => ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }), []);
  return (
    <Alert
      ref={ref}
      color="orange"
      variant="light"
      icon={<IconUsersGroup aria-hidden />}
      title="Someone else recorded a change to this pump"
      role="alert"
    >
      <Text size="sm" mb="sm">
        A refill or dose change was saved after you opened this form, so its numbers are out of date. Nothing was saved.
        Reload the pump to see the other change, then enter yours again if it is still needed.
      </Text>
      <Button
        size="xs"
        color="orange.9"
        leftSection={<IconRefresh size={14} aria-hidden />}
        onClick={onReload}
        loading={isReloading}
      >
        Reload pump
      </Button>
    </Alert>
  );
}
