import type { DoseAdjustmentPreview, DoseAdjustmentPreviewRequest } from '@itb/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The server's before → after for a dose change not yet recorded: the confirmation step shows it. */
export const previewDoseAdjustment = (pumpId: string, body: DoseAdjustmentPreviewRequest) =>
  api.post<DoseAdjustmentPreview>(`/pumps/${encodeURIComponent(pumpId)}/dose-adjustments/preview`, body);

export const usePreviewDoseAdjustment = (pumpId: string) =>
  useMutation({ mutationFn: (body: DoseAdjustmentPreviewRequest) => previewDoseAdjustment(pumpId, body) });
