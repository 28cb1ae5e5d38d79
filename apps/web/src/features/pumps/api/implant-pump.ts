import type { ImplantRequest, PumpResponse } from '@itb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const implantPump = ({ patientId, body }: { patientId: string; body: ImplantRequest }): Promise<PumpResponse> =>
  api.post<PumpResponse>(`/patients/${encodeURIComponent(patientId)}/pumps`, body);

export function useImplantPump(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImplantRequest) => implantPump({ patientId, body }),
    onSuccess: (pump) => {
      queryClient.setQueryData(queryKeys.pumps.detail(pump.id), pump);
    },
    // The chart carries the active pump. Invalidated once the caller's own success handler has
    // moved on, so the form never re-renders against a patient that now has a pump.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patientId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.patients.lists() }),
        // The first fill can raise withdrawal-risk flags at once (a refill already due).
        queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
      ]),
  });
}
