import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The address answers 404 from now on, in every calendar app subscribed to it. */
export const revokeCalendarFeed = (): Promise<void> => api.delete<void>('/calendar-feed');

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed.mine() }),
  });
}
