import { z } from 'zod';
import { idSchema, trimmed, versionSchema } from './common.js';
import { roleSchema } from './enums.js';

/** Passwords: length over complexity rules (NIST SP 800-63B), and a guessability check (zxcvbn). */
export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn's score runs 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'must be at most 200 characters');

/** A one-time invitation (or reset) link stays valid this long. */
export const INVITATION_VALID_HOURS = 72;
/** 32 random bytes, base64url. */
export const invitationTokenSchema = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a valid invitation token');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address' }));

/** An administrator never chooses another user's password: the new user gets an invitation link. */
const noPassword = z
  .never({ error: 'cannot be set by an administrator: the user sets it through their invitation link' })
  .optional();

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: trimmed(120),
  role: roleSchema,
  password: noPassword,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    version: versionSchema,
    name: trimmed(120).optional(),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
    password: noPassword,
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** A reset ends the user's sessions, makes the old password unusable and issues a new invitation. */
export const resetUserRequestSchema = z.object({ version: versionSchema }).strict();
export type ResetUserRequest = z.infer<typeof resetUserRequestSchema>;

export const userResponseSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  /** False until the user sets a password through an invitation. */
  hasPassword: z.boolean(),
  /** When the pending invitation link stops working; null when none is pending. */
  invitationExpiresAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;

/** Shown once, to the administrator who created or reset the user; only a hash is stored. */
export const invitationSchema = z.object({
  token: z.string(),
  /** The dashboard path that sets the password (`/set-password#token=…`); the token stays out of server logs. */
  path: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const userWithInvitationResponseSchema = z.object({ user: userResponseSchema, invitation: invitationSchema });
export type UserWithInvitationResponse = z.infer<typeof userWithInvitationResponseSchema>;

export const invitationLookupRequestSchema = z.object({ token: invitationTokenSchema });
export type InvitationLookupRequest = z.infer<typeof invitationLookupRequestSchema>;

export const invitationLookupResponseSchema = z.object({ email: z.string(), name: z.string(), expiresAt: z.string() });
export type InvitationLookupResponse = z.infer<typeof invitationLookupResponseSchema>;

export const acceptInvitationRequestSchema = z.object({ token: invitationTokenSchema, password: passwordSchema });
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
