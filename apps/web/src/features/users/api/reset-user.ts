import type { ResetUserRequest, UserWithInvitationResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Ends the user's sessions, makes their password unusable, and answers a new one-time link. */
export const resetUser = ({ id, body }: { id: string; body: ResetUserRequest }): Promise<UserWithInvitationResponse> =>
  api.post<UserWithInvitationResponse>(`/users/${encodeURIComponent(id)}/reset`, body);

export function useResetUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
