import type { FillPreview, FillPreviewRequest } from '@itb/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The server's numbers for a refill not yet recorded: same validation and engine, nothing saved. */
export const previewFill = (pumpId: string, body: FillPreviewRequest, { signal }: { signal?: AbortSignal } = {}) =>
  api.post<FillPreview>(`/pumps/${encodeURIComponent(pumpId)}/fills/preview`, body, { signal });

/** Asks only once the form holds a complete request (`body` undefined until then). */
export const fillPreviewQueryOptions = (pumpId: string, body: FillPreviewRequest | undefined) =>
  queryOptions({
    queryKey: queryKeys.pumps.fillPreview(pumpId, body),
    queryFn: body ? ({ signal }) => previewFill(pumpId, body, { signal }) : skipToken,
    staleTime: 60_000,
  });

export const useFillPreview = (pumpId: string, body: FillPreviewRequest | undefined) =>
  useQuery(fillPreviewQueryOptions(pumpId, body));
