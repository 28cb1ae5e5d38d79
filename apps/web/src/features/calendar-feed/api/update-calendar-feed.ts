import type { CalendarFeedStatus, UpdateCalendarFeedRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Changes what the feed holds; its address stays. */
export const updateCalendarFeed = (body: UpdateCalendarFeedRequest): Promise<CalendarFeedStatus> =>
  api.patch<CalendarFeedStatus>('/calendar-feed', body);

export function useUpdateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCalendarFeed,
    onSuccess: (status) => queryClient.setQueryData(queryKeys.calendarFeed.mine(), status),
  });
}
