import type {
  AcknowledgeFlagRequest,
  BulkAcknowledgeFlagsRequest,
  BulkAcknowledgeFlagsResponse,
  FlagResponse,
} from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { queryKeys } from '../../../lib/query-keys';
import { invalidateFlagChange } from './flag-invalidation';

export interface AcknowledgeFlagInput {
  flagId: string;
  body: AcknowledgeFlagRequest;
  /** One per dialog, the same on every retry: the server acknowledges once. */
  idempotencyKey: string;
}

export const acknowledgeFlag = ({ flagId, body, idempotencyKey }: AcknowledgeFlagInput): Promise<FlagResponse> =>
  api.post<FlagResponse>(`/flags/${encodeURIComponent(flagId)}/acknowledge`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export function useAcknowledgeFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeFlag,
    onSuccess: (flag) => invalidateFlagChange(queryClient, flag.patientId),
    // 409: someone else acted on the flag first; show what it is now.
    onError: (error) =>
      isApiError(error) && error.status === 409
        ? queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() })
        : undefined,
  });
}

export interface AcknowledgeFlagsInput {
  body: BulkAcknowledgeFlagsRequest;
  /** One per dialog, the same on every retry: the server acknowledges once. */
  idempotencyKey: string;
}

/** `POST /api/flags/acknowledge`: the work list's selection with one note, all of them or none. */
export function useAcknowledgeFlags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: AcknowledgeFlagsInput) =>
      api.post<BulkAcknowledgeFlagsResponse>('/flags/acknowledge', body, {
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      }),
    onSettled: (result) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
        ...(result?.items ?? []).map((flag) => invalidateFlagChange(queryClient, flag.patientId)),
      ]),
  });
}
