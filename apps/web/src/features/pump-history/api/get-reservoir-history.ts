import type { ReservoirHistoryResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A pump's reservoir and dose since implant, as the charts draw them. */
export const getReservoirHistory = (pumpId: string, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<ReservoirHistoryResponse>(`/pumps/${encodeURIComponent(pumpId)}/reservoir-history`, { signal });

export const reservoirHistoryQueryOptions = (pumpId: string) =>
  queryOptions({
    queryKey: queryKeys.pumps.reservoirHistory(pumpId),
    queryFn: ({ signal }) => getReservoirHistory(pumpId, { signal }),
  });

export const useReservoirHistory = (pumpId: string) => useQuery(reservoirHistoryQueryOptions(pumpId));
