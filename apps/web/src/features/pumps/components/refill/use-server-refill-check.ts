import type { FillPreview, FillPreviewRequest } from '@itb/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useFillPreview } from '../../api/preview-fill';
import { refillFormSchema, toFillRequest, type RefillFormInput } from './refill-form-schema';

export type ServerRefillCheck =
  | { status: 'incomplete' }
  | { status: 'checking' }
  | { status: 'answered'; preview: FillPreview }
  | { status: 'refused'; error: unknown };

const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Asks the server (`POST /fills/preview`) for its numbers once the form holds a complete request,
 * 400 ms after the last keystroke, so the nurse sees the browser's numbers confirmed before saving.
 */
export function useServerRefillCheck(pumpId: string, values: RefillFormInput): ServerRefillCheck {
  const parsed = refillFormSchema.safeParse(values);
  const bodyJson = parsed.success ? JSON.stringify(toFillRequest(parsed.data)) : '';
  const [debouncedJson] = useDebouncedValue(bodyJson, PREVIEW_DEBOUNCE_MS);
  const body = debouncedJson ? (JSON.parse(debouncedJson) as FillPreviewRequest) : undefined;
  const query = useFillPreview(pumpId, body);

  if (!bodyJson) return { status: 'incomplete' };
  // The answer shown must be for what is typed now, not for what was typed 400 ms ago.
  if (debouncedJson !== bodyJson || query.isPending) return { status: 'checking' };
  if (query.isError) return { status: 'refused', error: query.error };
  return { status: 'answered', preview: query.data };
}
