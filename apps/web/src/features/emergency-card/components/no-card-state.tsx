import { Card, EmptyState } from '@mantine/core';
import { IconCreditCardOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The API refuses a card (422) while the patient has no active pump with a fill: nothing could go on it. */
export function NoCardState({ action }: { action?: ReactNode }) {
  return (
    <Card>
      <EmptyState
        icon={<IconCreditCardOff aria-hidden />}
        withIndicatorBackground
        title="No card for this patient yet"
        description="A card needs an active pump with a recorded fill: its drug, dose and alarm date are what the card carries."
        py="lg"
      >
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Card>
  );
}
