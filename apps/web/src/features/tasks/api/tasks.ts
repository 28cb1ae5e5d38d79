import type { CompleteStaffTaskRequest, StaffTaskResponse } from '@itb/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/tasks`: the calls the reminder planner asks for, oldest first. */
export const useOpenTasks = () =>
  useQuery({
    queryKey: queryKeys.tasks.open(),
    queryFn: ({ signal }) => api.get<StaffTaskResponse[]>('/tasks', { signal }),
  });

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CompleteStaffTaskRequest & { id: string }) =>
      api.post<void>(`/tasks/${id}/done`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tasks.open() }),
  });
}
