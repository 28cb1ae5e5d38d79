import type { PatientResponse, UpdatePatientRequest } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const updatePatient = (patientId: string, body: UpdatePatientRequest): Promise<PatientResponse> =>
  api.patch<PatientResponse>(`/patients/${encodeURIComponent(patientId)}`, body);

/** Saves the chart's own fields with its version (409 when someone saved first). */
export function useUpdatePatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePatientRequest) => updatePatient(patientId, body),
    onSuccess: async (patient) => {
      queryClient.setQueryData(queryKeys.patients.detail(patient.id), patient);
      // The card and the timeline sit below the detail key: they show cautions and medicines too.
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patient.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.lists() });
    },
  });
}
