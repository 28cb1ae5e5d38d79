import type { DoseAdjustmentRequest, DoseAdjustmentResult } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidatePumpChange, type PumpRef } from './pump-change-invalidation';

export interface RecordDoseAdjustmentInput {
  pumpId: string;
  body: DoseAdjustmentRequest;
  /** One per form instance, the same on every retry: the server records the change once. */
  idempotencyKey: string;
}

export const recordDoseAdjustment = ({
  pumpId,
  body,
  idempotencyKey,
}: RecordDoseAdjustmentInput): Promise<DoseAdjustmentResult> =>
  api.post<DoseAdjustmentResult>(`/pumps/${encodeURIComponent(pumpId)}/dose-adjustments`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export function useRecordDoseAdjustment({ patientId, pumpId }: PumpRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<RecordDoseAdjustmentInput, 'pumpId'>) => recordDoseAdjustment({ ...input, pumpId }),
    onSuccess: () => invalidatePumpChange(queryClient, { patientId, pumpId }),
  });
}
