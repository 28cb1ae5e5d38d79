import type { RefillQueueRow } from '@itb/contracts';
import { Button, Card, EmptyState, Group, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarCheck, IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { useRefillQueue } from '../api/get-refill-queue';
import {
  DEFAULT_QUEUE_FILTERS,
  isDefaultQueueFilters,
  toRefillQueueParams,
  useQueueFilters,
} from '../lib/queue-filters';
import { QueueFiltersBar } from './queue-filters-bar';
import { QueueTable, QueueTableSkeleton, type QueueTableProps } from './queue-table';

interface RefillQueueProps extends Omit<QueueTableProps, 'rows'> {
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
  const isRefreshing = queueQuery.isFetching && !queueQuery.isFetchingNextPage && !queueQuery.isPending;

  let body: ReactNode;
  if (queueQuery.isPending) {
    body = <QueueTableSkeleton />;
  } else if (queueQuery.isError && rows.length === 0) {
    body = (
      <QueryError
        title="Could not load the refill queue"
        error={queueQuery.error}
        onRetry={() => void queueQuery.refetch()}
        isRetrying={queueQuery.isRefetching}
      />
    );
  } else if (rows.length === 0) {
    body = isDefaultQueueFilters(effective) ? (
      <EmptyState
        icon={<IconCalendarCheck aria-hidden />}
        withIndicatorBackground
        title={`No refills due in the next ${effective.withinDays} days`}
        description="Nothing is overdue either. Pumps appear here as their refill-by date comes into the window."
        py="xl"
      />
    ) : (
      <EmptyState
        icon={<IconFilterOff aria-hidden />}
        withIndicatorBackground
        title="No pumps match these filters"
        description="Widen the window or clear the filters to see more of the queue."
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={() => setFilters(DEFAULT_QUEUE_FILTERS)}>
            Reset filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <QueueTable rows={rows} {...tableProps} />
        <Group justify="space-between" mt="md" className="no-print">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {rows.length} {rows.length === 1 ? 'pump' : 'pumps'}
            {overdueCount > 0 && `, ${overdueCount} overdue`}
          </Text>
          {queueQuery.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void queueQuery.fetchNextPage()}
              loading={queueQuery.isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </Group>
        {queueQuery.isFetchNextPageError && (
          <QueryError
            title="Could not load more of the queue"
            error={queueQuery.error}
            onRetry={() => void queueQuery.fetchNextPage()}
          />
        )}
      </>
    );
  }

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
        {body}
      </Stack>
    </Card>
  );
}
