import {
  CLINICAL_SIGNS,
  type ClinicalSign,
  FLAG_SEVERITIES,
  isSignOfKind,
  RISK_RULE_CODES,
  SIGN_KINDS,
  type SignKind,
} from '@itb/domain';
import { z } from 'zod';
import { idSchema, pageQuerySchema, trimmed } from './common.js';

export const flagCodeSchema = z.enum([...RISK_RULE_CODES, 'manual'], { error: 'must be a rule code or manual' });
export type FlagCode = z.infer<typeof flagCodeSchema>;
export const flagSeveritySchema = z.enum(FLAG_SEVERITIES, { error: 'must be critical, high or moderate' });
export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const flagStatusSchema = z.enum(FLAG_STATUSES, { error: 'must be open, acknowledged or resolved' });
export type FlagStatus = z.infer<typeof flagStatusSchema>;
export const clinicalSignSchema = z.enum(CLINICAL_SIGNS, { error: 'must be a listed clinical sign' });
export const signKindSchema = z.enum(SIGN_KINDS, { error: 'must be withdrawal or overdose' });

/** A comma-separated query value, such as `status=open,acknowledged`. */
const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(item).min(1, 'must name at least one value'));

export const flagListQuerySchema = pageQuerySchema.extend({
  status: listOf(flagStatusSchema).optional().meta({ description: 'Comma-separated statuses (all when absent).' }),
  severity: listOf(flagSeveritySchema)
    .optional()
    .meta({ description: 'Comma-separated severities (all when absent).' }),
  code: listOf(flagCodeSchema).optional().meta({ description: 'Comma-separated rule codes (all when absent).' }),
  patientId: idSchema.optional().meta({ description: "Only this patient's flags." }),
});
export type FlagListQuery = z.infer<typeof flagListQuerySchema>;

/**
 * A clinician's report of withdrawal or overdose signs (DESIGN.md, the manual rows of the rules table).
 * `kind` defaults to withdrawal, the only kind before overdose reports existed; each sign must belong to
 * the kind (seizures belong to both).
 */
export const manualFlagRequestSchema = z
  .object({
    kind: signKindSchema.default('withdrawal'),
    signs: z.array(clinicalSignSchema).min(1, 'choose at least one sign').max(CLINICAL_SIGNS.length),
    note: trimmed(2000),
  })
  .strict()
  .superRefine((body, ctx) => {
    body.signs.forEach((sign, index) => {
      if (!isSignOfKind(sign, body.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['signs', index],
          message: `is not a ${body.kind} sign`,
        });
      }
    });
  });
export type ManualFlagRequest = z.infer<typeof manualFlagRequestSchema>;

export const acknowledgeFlagRequestSchema = z.object({ note: trimmed(2000).optional() }).strict();
export type AcknowledgeFlagRequest = z.infer<typeof acknowledgeFlagRequestSchema>;
/** Several flags acknowledged with one note (the work list's selection): all of them or none. */
export const bulkAcknowledgeFlagsRequestSchema = z
  .object({
    ids: z
      .array(idSchema)
      .min(1, 'choose at least one flag')
      .max(100, 'must be at most 100 flags')
      .refine((ids) => new Set(ids).size === ids.length, 'must not name a flag twice'),
    note: trimmed(2000),
  })
  .strict();
export type BulkAcknowledgeFlagsRequest = z.infer<typeof bulkAcknowledgeFlagsRequestSchema>;

export const resolveFlagRequestSchema = z.object({ note: trimmed(2000) }).strict();
export type ResolveFlagRequest = z.infer<typeof resolveFlagRequestSchema>;

const actedSchema = z.object({
  byId: idSchema.nullable(),
  byName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});

export const flagResponseSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  mrn: z.string(),
  isHighRisk: z.boolean(),
  pumpId: idSchema.nullable(),
  code: flagCodeSchema,
  severity: flagSeveritySchema,
  status: flagStatusSchema,
  raisedAt: z.string(),
  raisedBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** `summary` is the line a clinician reads; `facts` the values behind it; `signs` for manual flags. */
  details: z.object({
    summary: z.string(),
    facts: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    signs: z.array(clinicalSignSchema).optional(),
    /** Manual flags only: which report it is (stored flags without it are withdrawal reports). */
    kind: signKindSchema.optional(),
  }),
  acknowledged: actedSchema.nullable(),
  /** `resolution` auto: the rule's condition cleared (note says how); manual: a clinician resolved it. */
  resolved: actedSchema.extend({ resolution: z.enum(['auto', 'manual']) }).nullable(),
  version: z.number(),
});
export type FlagResponse = z.infer<typeof flagResponseSchema>;

export const FLAG_CODE_LABELS: Record<FlagCode, string> = {
  RESERVOIR_EMPTY: 'Reservoir empty',
  REFILL_OVERDUE: 'Refill overdue',
  APPOINTMENT_AFTER_EMPTY: 'Appointment after empty',
  REFILL_DUE_UNSCHEDULED: 'Refill due, not booked',
  APPOINTMENT_AFTER_ALARM: 'Appointment after alarm',
  PUMP_ALARM_RECORDED: 'Pump alarm recorded',
  PUMP_STOPPED: 'Pump stopped',
  WITHDRAWAL_WATCH: 'Withdrawal watch',
  DOSE_ESCALATION: 'Dose escalation',
  DRUG_STABILITY_EXCEEDED: 'Drug stability exceeded',
  RESIDUAL_DISCREPANCY: 'Residual discrepancy',
  MISSED_REFILL_APPOINTMENT: 'Missed refill appointment',
  POST_MRI_CHECK_PENDING: 'Post-MRI check pending',
  PUMP_REPLACEMENT_DUE: 'Pump replacement due',
  RAPID_DOSE_REDUCTION: 'Rapid dose reduction',
  manual: 'Clinical signs',
};

export const CLINICAL_SIGN_LABELS: Record<ClinicalSign, string> = {
  pruritus: 'Pruritus (itching without rash)',
  returning_spasticity: 'Returning spasticity',
  rigidity: 'Rigidity',
  fever: 'Fever',
  altered_mental_state: 'Altered mental state',
  hypotension: 'Hypotension',
  high_blood_pressure: 'High blood pressure',
  paresthesia: 'Paresthesia',
  seizures: 'Seizures',
  hallucinations: 'Hallucinations',
  agitation_or_anxiety: 'Agitation or anxiety',
  insomnia: 'Insomnia',
  suspected_rhabdomyolysis: 'Suspected rhabdomyolysis',
  severe_drowsiness: 'Severe drowsiness',
  muscle_weakness: 'Muscle weakness',
  light_headedness: 'Light-headedness',
  slow_or_shallow_breathing: 'Slow or shallow breathing',
  loss_of_consciousness: 'Loss of consciousness',
};

export const SIGN_KIND_LABELS: Record<SignKind, string> = {
  withdrawal: 'Withdrawal signs',
  overdose: 'Overdose signs',
};

export const bulkAcknowledgeFlagsResponseSchema = z.object({ items: z.array(flagResponseSchema) });
export type BulkAcknowledgeFlagsResponse = z.infer<typeof bulkAcknowledgeFlagsResponseSchema>;
