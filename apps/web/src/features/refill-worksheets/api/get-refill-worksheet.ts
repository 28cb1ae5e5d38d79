import type { RefillWorksheet } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildApiUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const worksheetPath = (pumpId: string) => `/pumps/${encodeURIComponent(pumpId)}/refill-worksheet`;

export const getRefillWorksheet = (
  pumpId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RefillWorksheet> => api.get<RefillWorksheet>(worksheetPath(pumpId), { signal });

export const refillWorksheetQueryOptions = (pumpId: string) =>
  queryOptions({
    queryKey: queryKeys.pumps.refillWorksheet(pumpId),
    queryFn: ({ signal }) => getRefillWorksheet(pumpId, { signal }),
  });

export const useRefillWorksheet = (pumpId: string) => useQuery(refillWorksheetQueryOptions(pumpId));

/** The same worksheet as a PDF made by the server (its export is audited); the browser sends the session cookie. */
export const refillWorksheetPdfHref = (pumpId: string): string => buildApiUrl(`${worksheetPath(pumpId)}.pdf`);
