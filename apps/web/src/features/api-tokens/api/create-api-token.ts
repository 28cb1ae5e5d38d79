import type { CreateApiTokenRequest, CreatedApiTokenResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The answer carries the secret: the only time anyone sees it. */
export const createApiToken = (body: CreateApiTokenRequest): Promise<CreatedApiTokenResponse> =>
  api.post<CreatedApiTokenResponse>('/api-tokens', body);

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.all() }),
  });
}
