import { z } from 'zod';
import { idSchema } from './common.js';
import { roleSchema } from './enums.js';

export const loginRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ error: 'must be an email address' })),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const clinicSummarySchema = z.object({ id: idSchema, name: z.string(), timeZone: z.string() });

export const meResponseSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  clinic: clinicSummarySchema,
  /** Specialists and nurses: the morning digest by e-mail (issue 13). Always false for an administrator. */
  staffDigest: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The signed-in user's own preferences. */
export const updateMyPreferencesRequestSchema = z.object({ staffDigest: z.boolean() }).strict();
export type UpdateMyPreferencesRequest = z.infer<typeof updateMyPreferencesRequestSchema>;
