import { Card, EmptyState } from '@mantine/core';
import { IconCreditCardOff, IconPhoneOff } from '@tabler/icons-react';
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

/**
 * The API refuses every card (422 naming `emergencyPhone`) while the clinic has no 24-hour phone: a card
 * without a number to call at any hour would fail the patient when it matters.
 */
export function NoClinicPhoneState({ action }: { action?: ReactNode }) {
  return (
    <Card>
      <EmptyState
        icon={<IconPhoneOff aria-hidden />}
        withIndicatorBackground
        title="The clinic has no 24-hour phone number"
        description="No emergency card can be printed until an administrator sets the clinic's 24-hour phone number in the clinic settings."
        py="lg"
      >
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Card>
  );
}
