import type { AppointmentResponse } from '@itb/contracts';
import type { AppointmentStatus } from '@itb/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterAppointmentChange } from './appointment-invalidation';

export interface UpdateAppointmentStatusInput {
  id: string;
  /** The version the user saw: a change made meanwhile answers 409 instead of being overwritten. */
  version: number;
  status: AppointmentStatus;
  /** Required to cancel; kept on the appointment and its audit row. */
  reason?: string;
}

export const updateAppointmentStatus = ({ id, ...body }: UpdateAppointmentStatusInput) =>
  api.patch<AppointmentResponse>(`/appointments/${encodeURIComponent(id)}`, body);

export function useUpdateAppointmentStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAppointmentStatus,
    // A refusal (422, or 409 for a stale version) also reloads: the calendar then shows the truth.
    onSettled: () => invalidateAfterAppointmentChange(queryClient),
  });
}
