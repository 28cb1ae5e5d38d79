import type { FillWorksheet } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildApiUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const worksheetPath = (fillId: string) => `/fills/${encodeURIComponent(fillId)}/worksheet`;

export const getFillWorksheet = (fillId: string, { signal }: { signal?: AbortSignal } = {}): Promise<FillWorksheet> =>
  api.get<FillWorksheet>(worksheetPath(fillId), { signal });

export const fillWorksheetQueryOptions = (fillId: string) =>
  queryOptions({
    queryKey: queryKeys.fills.worksheet(fillId),
    queryFn: ({ signal }) => getFillWorksheet(fillId, { signal }),
  });

export const useFillWorksheet = (fillId: string) => useQuery(fillWorksheetQueryOptions(fillId));

/** The record as a PDF made by the server (its export is audited). */
export const fillWorksheetPdfHref = (fillId: string): string => buildApiUrl(`${worksheetPath(fillId)}.pdf`);
