import { doseAdjustmentRequestSchema } from '@itb/contracts';
import type { DefaultValues } from 'react-hook-form';
import type { z } from 'zod';

/** The contract's dose-change request; the form adds the pump version it was opened on when it saves. */
export const doseChangeFormSchema = doseAdjustmentRequestSchema.omit({ pumpVersion: true });

export type DoseChangeFormInput = z.input<typeof doseChangeFormSchema>;
export type DoseChangeFormOutput = z.output<typeof doseChangeFormSchema>;

const floorToMinute = (instant: Date) => new Date(Math.floor(instant.getTime() / 60_000) * 60_000);

export function doseChangeDefaults(now: Date, orderedById: string): DefaultValues<DoseChangeFormInput> {
  return { effectiveAt: floorToMinute(now).toISOString(), orderedById, notes: '', overrideReason: '' };
}
