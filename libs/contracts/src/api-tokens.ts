import { z } from 'zod';
import { idSchema, trimmed } from './common.js';

/** What a personal API token may do: read the FHIR API of its clinic, nothing else. */
export const API_TOKEN_SCOPES = ['fhir.read'] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

export const createApiTokenRequestSchema = z
  .object({
    name: trimmed(120).meta({ description: 'What the token is for, e.g. "Registry export".' }),
  })
  .strict();
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

/** A revocation may say why (kept on the audit row). */
export const revokeApiTokenRequestSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .max(500, 'must be at most 500 characters')
      .optional()
      .meta({ description: 'Why the token is revoked (kept in the audit log).' }),
  })
  .strict();
export type RevokeApiTokenRequest = z.infer<typeof revokeApiTokenRequestSchema>;

export const apiTokenResponseSchema = z.object({
  id: idSchema,
  name: z.string(),
  scope: apiTokenScopeSchema,
  /** The first characters of the secret, to tell tokens apart; never enough to use it. */
  prefix: z.string(),
  createdBy: z.object({ id: idSchema, name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenResponse = z.infer<typeof apiTokenResponseSchema>;

/** The answer to a creation: the only time the secret is shown; the API keeps only its hash. */
export const createdApiTokenResponseSchema = z.object({
  token: apiTokenResponseSchema,
  secret: z.string(),
});
export type CreatedApiTokenResponse = z.infer<typeof createdApiTokenResponseSchema>;
