import type { CalendarFeedCreated, CreateCalendarFeedRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Makes the feed or gives it a new address; the answer holds the address once, never fetched again. */
export const createCalendarFeed = (body: CreateCalendarFeedRequest): Promise<CalendarFeedCreated> =>
  api.post<CalendarFeedCreated>('/calendar-feed', body);

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed.mine() }),
  });
}
