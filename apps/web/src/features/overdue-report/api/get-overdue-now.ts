import type { OverdueNowPage, OverdueReport } from '@itb/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { NextPageQuery } from '../../../components/ui/load-more-footer';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The pumps overdue now after `cursor`, one keyset page (the report itself carries the first). */
export const getOverdueNow = ({ cursor, signal }: { cursor: string; signal?: AbortSignal }): Promise<OverdueNowPage> =>
  api.get<OverdueNowPage>('/reports/overdue/now', { query: { cursor }, signal });

/** The pages after the report's first, starting from its `overdueNowNextCursor`. */
export const overdueNowQueryOptions = (startCursor: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.reports.overdueNow(startCursor),
    queryFn: ({ pageParam, signal }) => getOverdueNow({ cursor: pageParam, signal }),
    initialPageParam: startCursor,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/**
 * The overdue-now rows on screen: the report's first page, then the pages asked for with "Load more".
 * Nothing is fetched until the first "Load more".
 */
export function useOverdueNowRows(report: Pick<OverdueReport, 'overdueNow' | 'overdueNowNextCursor'>) {
  const [isMoreAsked, setIsMoreAsked] = useState(false);
  const startCursor = report.overdueNowNextCursor;
  const more = useInfiniteQuery({
    ...overdueNowQueryOptions(startCursor ?? ''),
    enabled: isMoreAsked && startCursor !== null,
  });
  const isMoreShown = isMoreAsked && startCursor !== null;
  const rows = isMoreShown
    ? [...report.overdueNow, ...(more.data?.pages.flatMap((page) => page.items) ?? [])]
    : report.overdueNow;
  const nextPage: NextPageQuery = {
    hasNextPage: isMoreShown ? more.hasNextPage || (more.isError && !more.data) : startCursor !== null,
    isFetchingNextPage: isMoreShown && more.isFetching,
    isFetchNextPageError: isMoreShown && more.isError,
    error: more.error,
    fetchNextPage: async () => {
      if (!isMoreShown) setIsMoreAsked(true);
      else if (!more.data) await more.refetch();
      else await more.fetchNextPage();
    },
  };
  return { rows, nextPage };
}
