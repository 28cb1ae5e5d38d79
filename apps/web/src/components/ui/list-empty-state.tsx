import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateContent {
  icon: ReactNode;
  title: string;
  description: string;
}

interface ListEmptyStateProps {
  /** Whether filters narrow the list: then the empty list is their doing, and they can be cleared. */
  isFiltered: boolean;
  /** Shown when nothing is recorded at all. */
  empty: EmptyStateContent;
  /** Shown when the filters match nothing, above the button that clears them. */
  filtered: EmptyStateContent;
  onReset: () => void;
  /** The button's label, where a screen names it otherwise. */
  resetLabel?: string;
}

/** An empty list: "nothing yet", or, when filters hide everything, "nothing matches" with a way back. */
export function ListEmptyState({
  isFiltered,
  empty,
  filtered,
  onReset,
  resetLabel = 'Clear filters',
}: ListEmptyStateProps) {
  if (isFiltered) {
    return (
      <EmptyState
        icon={filtered.icon}
        withIndicatorBackground
        title={filtered.title}
        description={filtered.description}
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onReset}>
            {resetLabel}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={empty.icon} withIndicatorBackground title={empty.title} description={empty.description} py="xl" />
  );
}
