import type { RefillQueueRow } from '@itb/contracts';
import { Card, Group, Loader, Stack, VisuallyHidden } from '@mantine/core';
import { IconCalendarCheck, IconFilterOff } from '@tabler/icons-react';
import { ListEmptyState } from '../../../components/ui/list-empty-state';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { useRefillQueue } from '../api/get-refill-queue';
import {
  DEFAULT_QUEUE_FILTERS,
  isDefaultQueueFilters,
  toRefillQueueParams,
  useQueueFilters,
} from '../lib/queue-filters';
import { QueueFiltersBar } from './queue-filters-bar';
import { useMediaQuery } from '@mantine/hooks';
import { QueueCards } from './queue-cards';
import type { QueueViewProps } from './queue-cells';
import { QueueTable, QueueTableSkeleton } from './queue-table';

interface RefillQueueProps extends Omit<QueueViewProps, 'rows'> {
  /** The signed-in user: their filters are remembered, and "my patients" means them. */
  userId: string;
  canFilterMine: boolean;
}

/** The due-refill queue: remembered filters, keyset pages, and every state a screen can be in. */
export function RefillQueue({ userId, canFilterMine, ...tableProps }: RefillQueueProps) {
  const { filters, setFilters } = useQueueFilters(userId);
  // A remembered "my patients" is ignored for a user who cannot use it (a nurse).
  const effective = canFilterMine ? filters : { ...filters, isMinePatientsOnly: false };
  const queueQuery = useRefillQueue(toRefillQueueParams(effective, userId));
  const rows: RefillQueueRow[] = queueQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const overdueCount = rows.filter((row) => row.isOverdue).length;
  const shownText = `Showing ${rows.length} ${rows.length === 1 ? 'pump' : 'pumps'}`;
  // Below 48em (a phone, a narrow window) the table's 940 px would scroll sideways: cards instead.
  const isNarrow = useMediaQuery('(max-width: 48em)');
  const isRefreshing = queueQuery.isFetching && !queueQuery.isFetchingNextPage && !queueQuery.isPending;

  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <QueueFiltersBar filters={effective} onChange={setFilters} canFilterMine={canFilterMine} />
          {isRefreshing && (
            <Group gap="xs" role="status" wrap="nowrap">
              <Loader size="xs" aria-hidden />
              <VisuallyHidden>Updating the queue</VisuallyHidden>
            </Group>
          )}
        </Group>
        <ListStates
          query={queueQuery}
          isEmpty={rows.length === 0}
          loading={<QueueTableSkeleton />}
          errorTitle="Could not load the refill queue"
          empty={
            <ListEmptyState
              isFiltered={!isDefaultQueueFilters(effective)}
              onReset={() => setFilters(DEFAULT_QUEUE_FILTERS)}
              resetLabel="Reset filters"
              filtered={{
                icon: <IconFilterOff aria-hidden />,
                title: 'No pumps match these filters',
                description: 'Widen the window or clear the filters to see more of the queue.',
              }}
              empty={{
                icon: <IconCalendarCheck aria-hidden />,
                title: `No refills due in the next ${effective.withinDays} days`,
                description:
                  'Nothing is overdue either. Pumps appear here as their refill-by date comes into the window.',
              }}
            />
          }
        >
          {isNarrow ? <QueueCards rows={rows} {...tableProps} /> : <QueueTable rows={rows} {...tableProps} />}
          <LoadMoreFooter
            query={queueQuery}
            summary={overdueCount > 0 ? `${shownText}, ${overdueCount} overdue` : shownText}
            noun="of the queue"
            className="no-print"
          />
        </ListStates>
      </Stack>
    </Card>
  );
}
