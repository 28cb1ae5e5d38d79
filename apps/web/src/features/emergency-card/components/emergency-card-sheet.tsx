import type { EmergencyCard } from '@itb/contracts';
import { Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { CardBack } from './card-back';
import { CardFront } from './card-front';
import classes from './emergency-card.module.css';

function CardSide({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId();
  return (
    <section className={classes.side} aria-labelledby={labelId}>
      <h2 className={classes.sideLabel} id={labelId}>
        {label}
      </h2>
      {children}
    </section>
  );
}

/** Front and back at credit-card size, side by side: on paper they print at true size, ready to cut and fold. */
export function EmergencyCardSheet({ card }: { card: EmergencyCard }) {
  return (
    <div className={classes.sheet}>
      <div className={classes.cards}>
        <CardSide label="Front">
          <CardFront card={card} />
        </CardSide>
        <CardSide label="Back">
          <CardBack card={card} />
        </CardSide>
      </div>
      <Text className={classes.hint} size="sm" c="dimmed">
        Prints at true size (85.6 × 54 mm). Cut round the outline, fold along the dashed line with the printed sides
        outwards, and laminate. The PDF holds the same card, one side per page, for a card printer.
      </Text>
    </div>
  );
}

/** Two card-shaped placeholders while the card loads. */
export function EmergencyCardSkeleton() {
  return (
    <Stack role="status" aria-busy gap="xs">
      <VisuallyHidden>Loading the emergency card</VisuallyHidden>
      <Group gap="xl" aria-hidden>
        <Skeleton width="min(100%, 128.4mm)" height="81mm" radius="lg" />
        <Skeleton width="min(100%, 128.4mm)" height="81mm" radius="lg" />
      </Group>
    </Stack>
  );
}
