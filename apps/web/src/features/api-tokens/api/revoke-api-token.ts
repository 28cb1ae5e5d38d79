import type { ApiTokenResponse, RevokeApiTokenRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const revokeApiToken = ({ id, body }: { id: string; body: RevokeApiTokenRequest }): Promise<ApiTokenResponse> =>
  api.post<ApiTokenResponse>(`/api-tokens/${encodeURIComponent(id)}/revoke`, body);

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.all() }),
  });
}
