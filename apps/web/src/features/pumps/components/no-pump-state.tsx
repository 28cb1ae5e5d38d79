import { Card, EmptyState, Title } from '@mantine/core';
import { IconDeviceHeartMonitor } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The pump card when the patient has no active pump. */
export function NoPumpState({ implantAction }: { implantAction?: ReactNode }) {
  return (
    <Card component="section" aria-labelledby="pump-card-title">
      <Title order={2} size="h3" id="pump-card-title">
        Pump
      </Title>
      <EmptyState
        icon={<IconDeviceHeartMonitor aria-hidden />}
        withIndicatorBackground
        title="No active pump"
        description={
          implantAction
            ? 'Record the implanted pump and its first fill to start tracking the reservoir.'
            : 'A specialist or nurse records the pump and its first fill.'
        }
        py="lg"
      >
        {implantAction && <EmptyState.Actions>{implantAction}</EmptyState.Actions>}
      </EmptyState>
    </Card>
  );
}
