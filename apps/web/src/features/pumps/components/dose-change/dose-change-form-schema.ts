import { doseAdjustmentRequestSchema } from '@itb/contracts';
import type { DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import { openingInstant } from '../../../../lib/opening-instant';

/** The contract's dose-change request; the form adds the pump version it was opened on when it saves. */
export const doseChangeFormSchema = doseAdjustmentRequestSchema.omit({ pumpVersion: true });

export type DoseChangeFormInput = z.input<typeof doseChangeFormSchema>;
export type DoseChangeFormOutput = z.output<typeof doseChangeFormSchema>;

/** Effective from the form's opening instant: after the pump's last fill or dose change, as the API requires. */
export function doseChangeDefaults(
  now: Date,
  orderedById: string,
  lastChangeAt: Date,
): DefaultValues<DoseChangeFormInput> {
  const effectiveAt = openingInstant(now, lastChangeAt).toISOString();
  return { effectiveAt, orderedById, notes: '', overrideReason: '' };
}
