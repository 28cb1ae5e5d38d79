import type { PatientResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getPatient = (id: string, { signal }: { signal?: AbortSignal } = {}): Promise<PatientResponse> =>
  api.get<PatientResponse>(`/patients/${encodeURIComponent(id)}`, { signal });

export const patientQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.patients.detail(id),
    queryFn: ({ signal }) => getPatient(id, { signal }),
  });

export const usePatient = (id: string) => useQuery(patientQueryOptions(id));
