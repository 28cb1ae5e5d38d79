import type { AppointmentPreviewRequest, AppointmentPreviewResponse } from '@itb/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const previewAppointment = (body: AppointmentPreviewRequest, signal?: AbortSignal) =>
  api.post<AppointmentPreviewResponse>('/appointments/preview', body, { signal });

/**
 * The server's checks for a slot not yet booked (the pump's dates, the day's capacity, the clinic's
 * hours): what the save will say, shown before it. Nothing is written, so it is read like a query.
 * Null while the form has no complete slot.
 */
export const useAppointmentPreview = (body: AppointmentPreviewRequest | null) =>
  useQuery({
    queryKey: queryKeys.appointments.preview(body),
    queryFn: ({ signal }) => previewAppointment(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
