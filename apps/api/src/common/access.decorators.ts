import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@itb/contracts';
import type { Request } from 'express';
import { AppError } from './app-error.js';
import type { FhirReader, SessionUser } from './request-context.js';

export const ACCESS_KEY = 'itb:access';
export type Access =
  | { kind: 'public' }
  | { kind: 'roles'; roles: readonly Role[] }
  /** The read-only FHIR API: a session of one of these roles, or a personal API token (bearer). */
  | { kind: 'fhir'; roles: readonly Role[] };

/** Open without a session: only login and health. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** The roles that may call this endpoint; every endpoint must declare one of these two. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access);

/**
 * A FHIR read: the only kind of route a personal API token may call (`Authorization: Bearer …`); a
 * session of these roles reads it too. Every other route ignores a bearer header.
 */
export const FhirRead = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'fhir', roles } satisfies Access);

export const CLINICAL_ROLES: Role[] = ['specialist', 'nurse'];
export const ALL_ROLES: Role[] = ['specialist', 'nurse', 'admin'];

export type AuthedRequest = Request & { user?: SessionUser; fhirReader?: FhirReader };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return user;
});

/** The reader of a FHIR route (a session's user or an API token), set by the access guard. */
export const CurrentFhirReader = createParamDecorator((_data: unknown, ctx: ExecutionContext): FhirReader => {
  const reader = ctx.switchToHttp().getRequest<AuthedRequest>().fhirReader;
  if (!reader) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token');
  return reader;
});
