import type { FlagResponse, ResolveFlagRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { queryKeys } from '../../../lib/query-keys';
import { invalidateFlagChange } from './flag-invalidation';

export interface ResolveFlagInput {
  flagId: string;
  body: ResolveFlagRequest;
  /** One per dialog, the same on every retry: the server resolves once. */
  idempotencyKey: string;
}

export const resolveFlag = ({ flagId, body, idempotencyKey }: ResolveFlagInput): Promise<FlagResponse> =>
  api.post<FlagResponse>(`/flags/${encodeURIComponent(flagId)}/resolve`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export function useResolveFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveFlag,
    onSuccess: (flag) => invalidateFlagChange(queryClient, flag.patientId),
    // 409: someone else resolved it first; show what it is now.
    onError: (error) =>
      isApiError(error) && error.status === 409
        ? queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() })
        : undefined,
  });
}
