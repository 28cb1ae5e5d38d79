import type { CreateUserRequest, UserWithInvitationResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The answer carries the new user's one-time invitation link: shown once, never fetched again. */
export const createUser = (body: CreateUserRequest): Promise<UserWithInvitationResponse> =>
  api.post<UserWithInvitationResponse>('/users', body);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
