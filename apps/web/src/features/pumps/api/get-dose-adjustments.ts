import type { DoseAdjustmentResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface DoseAdjustmentList {
  items: DoseAdjustmentResponse[];
  nextCursor: null;
}

/** Every dose change of a pump, newest first: the reservoir engine drains the current fill through them. */
export const getDoseAdjustments = (pumpId: string, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<DoseAdjustmentList>(`/pumps/${encodeURIComponent(pumpId)}/dose-adjustments`, { signal });

export const doseAdjustmentsQueryOptions = (pumpId: string) =>
  queryOptions({
    queryKey: queryKeys.pumps.doseAdjustments(pumpId),
    queryFn: ({ signal }) => getDoseAdjustments(pumpId, { signal }),
  });

export const useDoseAdjustments = (pumpId: string | undefined) =>
  useQuery({ ...doseAdjustmentsQueryOptions(pumpId ?? ''), enabled: pumpId !== undefined });
