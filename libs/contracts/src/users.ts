import { z } from 'zod';
import { idSchema, trimmed, versionSchema } from './common.js';
import { roleSchema } from './enums.js';

/** Passwords: length over complexity rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(200);

export const createUserRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ error: 'must be an email address' })),
  name: trimmed(120),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    version: versionSchema,
    name: trimmed(120).optional(),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userResponseSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;
