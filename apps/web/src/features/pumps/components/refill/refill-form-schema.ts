import { fillRequestSchema, type FillPreviewRequest } from '@itb/contracts';
import type { DefaultValues } from 'react-hook-form';
import { z } from 'zod';
import { openingInstant } from '../../../../lib/opening-instant';
import { programmedDoseAt, type PumpBasis } from '../../lib/pump-basis';
import { bolusAnswerMl } from '../../lib/refill-preview';

const bolusAnswer = z.enum(['no', 'yes'], { error: 'Answer the question' }).optional();

/**
 * The contract's refill request plus the form's answers to "was a bridge / priming bolus given?"
 * (No, or Yes with its volume); the form adds the pump version it was opened on when it sends.
 */
export const refillFormSchema = fillRequestSchema
  .omit({ pumpVersion: true })
  .extend({ bridgeBolusAnswer: bolusAnswer, primingBolusAnswer: bolusAnswer })
  .superRefine((values, ctx) => {
    for (const [answer, field] of [
      [values.bridgeBolusAnswer, 'bridgeBolusMl'],
      [values.primingBolusAnswer, 'primingBolusMl'],
    ] as const) {
      if (answer === 'yes' && typeof values[field] !== 'number') {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Enter the volume of the bolus given (mL)' });
      }
    }
  });

export type RefillFormInput = z.input<typeof refillFormSchema>;
export type RefillFormOutput = z.output<typeof refillFormSchema>;

/**
 * The request the API takes: each bolus answer as null (none given) or its volume, left out while the
 * question was not asked; the short-interval confirmation only when ticked.
 */
export function toFillRequest(values: RefillFormOutput): FillPreviewRequest {
  const {
    bridgeBolusAnswer,
    primingBolusAnswer,
    bridgeBolusMl,
    primingBolusMl,
    confirmShortInterval,
    confirmRepeatRefill,
    reservoirVolumeAfterMl,
    patientBolusesDeliveredMl,
    ...rest
  } = values;
  const bridge = bolusAnswerMl(bridgeBolusAnswer, bridgeBolusMl);
  const priming = bolusAnswerMl(primingBolusAnswer, primingBolusMl);
  return {
    ...rest,
    ...(reservoirVolumeAfterMl !== undefined ? { reservoirVolumeAfterMl } : {}),
    ...(typeof patientBolusesDeliveredMl === 'number' ? { patientBolusesDeliveredMl } : {}),
    ...(bridge !== undefined ? { bridgeBolusMl: bridge } : {}),
    ...(priming !== undefined ? { primingBolusMl: priming } : {}),
    ...(confirmShortInterval ? { confirmShortInterval: true } : {}),
    ...(confirmRepeatRefill ? { confirmRepeatRefill: true } : {}),
  };
}

/**
 * A refill usually repeats the drug and programme of the fill it replaces: those start filled in
 * from the current fill; what is new each time (residual, volume, lot, the questions) starts empty.
 */
export function refillDefaults(basis: PumpBasis, now: Date): DefaultValues<RefillFormInput> {
  const fill = basis.currentFill;
  return {
    performedAt: openingInstant(now, basis.lastChangeAt).toISOString(),
    concentrationMcgPerMl: fill.concentrationMcgPerMl,
    dailyDoseMcg: programmedDoseAt(basis.drain, now),
    patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
    drugProduct: fill.drugProduct,
    lotNumber: '',
    lotExpiresOn: '',
    notes: '',
    overrideReason: '',
    confirmShortInterval: false,
    confirmRepeatRefill: false,
  };
}
