import type { FillRequest, FillResult } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidatePumpChange, type PumpRef } from './pump-change-invalidation';

export interface RecordFillInput {
  pumpId: string;
  body: FillRequest;
  /** One per form instance, the same on every retry: the server records the refill once. */
  idempotencyKey: string;
}

export const recordFill = ({ pumpId, body, idempotencyKey }: RecordFillInput): Promise<FillResult> =>
  api.post<FillResult>(`/pumps/${encodeURIComponent(pumpId)}/fills`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export function useRecordFill({ patientId, pumpId }: PumpRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<RecordFillInput, 'pumpId'>) => recordFill({ ...input, pumpId }),
    onSuccess: () => invalidatePumpChange(queryClient, { patientId, pumpId }),
  });
}
