import type { FlagResponse, ManualFlagRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidateFlagChange } from './flag-invalidation';

export interface RaiseClinicalSignsInput {
  body: ManualFlagRequest;
  /** One per dialog, the same on every retry: the server raises one flag. */
  idempotencyKey: string;
}

/** `POST /api/patients/:id/flags`: always a critical flag (CLINICAL.md "Withdrawal"). */
export const raiseClinicalSignsFlag = ({
  patientId,
  body,
  idempotencyKey,
}: RaiseClinicalSignsInput & { patientId: string }): Promise<FlagResponse> =>
  api.post<FlagResponse>(`/patients/${encodeURIComponent(patientId)}/flags`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export function useRaiseClinicalSignsFlag(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RaiseClinicalSignsInput) => raiseClinicalSignsFlag({ ...input, patientId }),
    onSuccess: () => invalidateFlagChange(queryClient, patientId),
  });
}
