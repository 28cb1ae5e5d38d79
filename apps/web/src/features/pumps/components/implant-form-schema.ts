import { explantRequestSchema, implantRequestSchema } from '@itb/contracts';
import { PUMP_CATALOGUE } from '@itb/domain';
import type { z } from 'zod';

/**
 * The contract schema, plus the one rule the catalogue implies: a pump outside the catalogue has
 * no default reservoir or alarm volume, so both must be given (the API answers the same).
 */
export const implantFormSchema = implantRequestSchema.superRefine((value, ctx) => {
  const spec = PUMP_CATALOGUE[value.model];
  if (value.reservoirMl === undefined && spec.reservoirMl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reservoirMl'], message: 'is required for a pump outside the catalogue' });
  }
  if (value.alarmMl === undefined && spec.alarmMl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['alarmMl'], message: 'is required for a pump outside the catalogue' });
  }
});

export type ImplantFormInput = z.input<typeof implantFormSchema>;
export type ImplantFormOutput = z.output<typeof implantFormSchema>;

/** The explant's own fields (the version is the one the screen opened on): alone, or as part of a replacement. */
export const explantFormSchema = explantRequestSchema.omit({ version: true });
export type ExplantFormInput = z.input<typeof explantFormSchema>;
export type ExplantFormOutput = z.output<typeof explantFormSchema>;
