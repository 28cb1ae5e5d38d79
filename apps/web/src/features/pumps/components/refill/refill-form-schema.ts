import { fillRequestSchema } from '@itb/contracts';
import type { DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import { programmedDoseAt, type PumpBasis } from '../../lib/pump-basis';

/** The contract's refill request; the form adds the pump version it was opened on when it sends. */
export const refillFormSchema = fillRequestSchema.omit({ pumpVersion: true, reservoirVolumeAfterMl: true });

export type RefillFormInput = z.input<typeof refillFormSchema>;
export type RefillFormOutput = z.output<typeof refillFormSchema>;

const floorToMinute = (instant: Date) => new Date(Math.floor(instant.getTime() / 60_000) * 60_000);

/**
 * A refill usually repeats the drug and programme of the fill it replaces: those start filled in
 * from the current fill; what is new each time (residual, volume, lot) starts empty.
 */
export function refillDefaults(basis: PumpBasis, now: Date): DefaultValues<RefillFormInput> {
  const fill = basis.currentFill;
  return {
    performedAt: floorToMinute(now).toISOString(),
    concentrationMcgPerMl: fill.concentrationMcgPerMl,
    dailyDoseMcg: programmedDoseAt(basis.drain, now),
    patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
    drugProduct: fill.drugProduct,
    lotNumber: '',
    lotExpiresOn: '',
    notes: '',
    overrideReason: '',
  };
}
