import type { CreatePatientRequest, PatientResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const createPatient = (body: CreatePatientRequest): Promise<PatientResponse> =>
  api.post<PatientResponse>('/patients', body);

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPatient,
    onSuccess: async (patient) => {
      queryClient.setQueryData(queryKeys.patients.detail(patient.id), patient);
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.lists() });
    },
  });
}
