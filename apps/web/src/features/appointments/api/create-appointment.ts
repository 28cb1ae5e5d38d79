import type { AppointmentResponse, CreateAppointmentRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER } from '../../../lib/idempotency-key';
import { invalidateAfterAppointmentChange } from './appointment-invalidation';

export interface CreateAppointmentInput {
  body: CreateAppointmentRequest;
  /** One per booking dialog, the same on every retry: a lost answer never books twice. */
  idempotencyKey: string;
}

export const createAppointment = ({ body, idempotencyKey }: CreateAppointmentInput): Promise<AppointmentResponse> =>
  api.post<AppointmentResponse>('/appointments', body, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppointment,
    onSuccess: () => invalidateAfterAppointmentChange(queryClient),
  });
}
