import type { PumpEventRequest, PumpEventResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidatePumpChange, type PumpRef } from './pump-change-invalidation';

export interface RecordPumpEventInput {
  body: PumpEventRequest;
  /** One per dialog, the same on every retry: the server records the event once. */
  idempotencyKey: string;
}

/** `POST /api/pumps/:id/events`: an alarm, a stop or restart, an interrogation, an MRI, a bolus. */
export const recordPumpEvent = ({
  pumpId,
  body,
  idempotencyKey,
}: RecordPumpEventInput & { pumpId: string }): Promise<PumpEventResponse> =>
  api.post<PumpEventResponse>(`/pumps/${encodeURIComponent(pumpId)}/events`, body, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

/** An event can raise a flag (PUMP_ALARM_RECORDED, PUMP_STOPPED) or move the projection (a bolus). */
export function useRecordPumpEvent({ patientId, pumpId }: PumpRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordPumpEventInput) => recordPumpEvent({ ...input, pumpId }),
    onSuccess: () => invalidatePumpChange(queryClient, { patientId, pumpId }),
  });
}
