import { Button, Group, Text, type GroupProps } from '@mantine/core';
import { QueryError } from './query-error';

/** The part of an infinite query the footer reads and drives. */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

interface LoadMoreFooterProps extends Pick<GroupProps, 'className'> {
  query: NextPageQuery;
  /**
   * How much of the list is shown, announced as it grows: "Showing 3 events, newest first".
   * Left out where the section shows its own count: then "Load more" stands alone, on the right.
   */
  summary?: string;
  /** What the next page holds, as it reads after "Could not load more": "events", "of the queue". */
  noun: string;
  /** Space above the footer; none where the list above ends with its own. */
  mt?: GroupProps['mt'];
}

/** The foot of a keyset-paged list: how much is shown, "Load more" while there is more, and a retry when that fails. */
export function LoadMoreFooter({ query, summary, noun, mt = 'md', className }: LoadMoreFooterProps) {
  const hasSummary = summary !== undefined;
  return (
    <>
      {(hasSummary || query.hasNextPage) && (
        <Group justify={hasSummary ? 'space-between' : 'flex-end'} mt={mt} className={className}>
          {hasSummary && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {summary}
            </Text>
          )}
          {query.hasNextPage && (
            <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </Group>
      )}
      {query.isFetchNextPageError && (
        <QueryError
          title={`Could not load more ${noun}`}
          error={query.error}
          onRetry={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}
