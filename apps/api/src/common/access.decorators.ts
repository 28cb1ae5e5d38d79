import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@itb/contracts';
import type { Request } from 'express';
import { AppError } from './app-error.js';
import type { SessionUser } from './request-context.js';

export const ACCESS_KEY = 'itb:access';
export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Open without a session: only login and health. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** The roles that may call this endpoint; every endpoint must declare one of these two. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access);

export const CLINICAL_ROLES: Role[] = ['specialist', 'nurse'];
export const ALL_ROLES: Role[] = ['specialist', 'nurse', 'admin'];

export type AuthedRequest = Request & { user?: SessionUser };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return user;
});
