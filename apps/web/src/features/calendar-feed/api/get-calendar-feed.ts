import type { CalendarFeedStatus } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getCalendarFeed = ({ signal }: { signal?: AbortSignal } = {}): Promise<CalendarFeedStatus> =>
  api.get<CalendarFeedStatus>('/calendar-feed', { signal });

export const calendarFeedQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.calendarFeed.mine(),
    queryFn: ({ signal }) => getCalendarFeed({ signal }),
  });

export const useCalendarFeed = () => useQuery(calendarFeedQueryOptions());
