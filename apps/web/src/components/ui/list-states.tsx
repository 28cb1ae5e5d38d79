import type { ReactNode } from 'react';
import { QueryError } from './query-error';

/** The part of a list's query that decides which state the list is in. */
export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isRefetching: boolean;
  refetch: () => Promise<unknown>;
}

interface ListStatesProps {
  query: ListQuery;
  /** Whether the query has no rows to show (none loaded, or none match). */
  isEmpty: boolean;
  /** Shown until the first page arrives. */
  loading: ReactNode;
  /** What failed, when nothing could be loaded: "Could not load flags". */
  errorTitle: string;
  /** Shown when the query succeeded with no rows. */
  empty: ReactNode;
  /** The rows, and whatever goes under them. */
  children: ReactNode;
}

/**
 * A list's loading, error, empty and filled states. A failed refresh keeps the rows already shown:
 * the error replaces the list only when there is nothing to show.
 */
export function ListStates({ query, isEmpty, loading, errorTitle, empty, children }: ListStatesProps) {
  if (query.isPending) return loading;
  if (query.isError && isEmpty) {
    return (
      <QueryError
        title={errorTitle}
        error={query.error}
        onRetry={() => void query.refetch()}
        isRetrying={query.isRefetching}
      />
    );
  }
  if (isEmpty) return empty;
  return children;
}
