import type { ExplantRequest, PumpResponse, ReplacePumpRequest, UpdatePumpRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidatePumpChange } from './pump-change-invalidation';

const pumpPath = (pumpId: string, action = '') => `/pumps/${encodeURIComponent(pumpId)}${action}`;

/** `PATCH /api/pumps/:id`: serial number, alarm volume, catheter tip, ERI date, with the reason for the audit. */
export function useUpdatePump(patientId: string, pumpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePumpRequest) => api.patch<PumpResponse>(pumpPath(pumpId), body),
    // Also after a 409: the card then shows the pump as it is now, and the next dialog opens on its version.
    onSettled: () => invalidatePumpChange(queryClient, { patientId, pumpId }),
  });
}

interface WithKey<T> {
  body: T;
  /** One per dialog or form, the same on every retry: the server acts once. */
  idempotencyKey: string;
}

/** `POST /api/pumps/:id/explant`: the patient is left with no active pump. */
export function useExplantPump(patientId: string, pumpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: WithKey<ExplantRequest>) =>
      api.post<PumpResponse>(pumpPath(pumpId, '/explant'), body, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    onSettled: () => invalidatePumpChange(queryClient, { patientId, pumpId }),
  });
}

/** `POST /api/pumps/:id/replace`: the explant and the new pump's implant in one step. */
export function useReplacePump(patientId: string, pumpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: WithKey<ReplacePumpRequest>) =>
      api.post<PumpResponse>(pumpPath(pumpId, '/replace'), body, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    onSuccess: (pump) =>
      Promise.all([
        invalidatePumpChange(queryClient, { patientId, pumpId }),
        invalidatePumpChange(queryClient, { patientId, pumpId: pump.id }),
      ]),
  });
}
