import type { AppointmentResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterAppointmentChange } from './appointment-invalidation';

export interface RescheduleAppointmentInput {
  id: string;
  /** The version the user saw: a change made meanwhile answers 409 instead of being overwritten. */
  version: number;
  startsAt: string;
  durationMinutes: number;
  reason?: string;
}

export const rescheduleAppointment = ({ id, ...body }: RescheduleAppointmentInput) =>
  api.patch<AppointmentResponse>(`/appointments/${encodeURIComponent(id)}`, body);

export function useRescheduleAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleAppointment,
    // A refusal also reloads, so a dragged appointment snaps back to where it really is.
    onSettled: () => invalidateAfterAppointmentChange(queryClient),
  });
}
