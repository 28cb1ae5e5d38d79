import type { LoginRequest, MeResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const login = (body: LoginRequest): Promise<MeResponse> => api.post<MeResponse>('/auth/login', body);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached for an earlier user may show to this one.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.auth.me(), me);
    },
  });
}
