import type { AppointmentResponse, Page } from '@itb/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The patient's appointments from a clinic date on, soonest first (one page: a patient has few). */
export const usePatientAppointments = (patientId: string, from: string) =>
  useQuery({
    queryKey: queryKeys.appointments.patient(patientId, from),
    queryFn: ({ signal }) =>
      api.get<Page<AppointmentResponse>>('/appointments', { query: { patientId, from, limit: 50 }, signal }),
  });
