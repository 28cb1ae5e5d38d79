import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SessionsService } from '../modules/auth/sessions.service.js';
import { AppError } from './app-error.js';
import { ACCESS_KEY, type Access, type AuthedRequest } from './access.decorators.js';
import { requestContext } from './request-context.js';

export const SESSION_COOKIE = 'itb_session';

/** Global guard: a live session for every route but the public ones, then the route's roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    request.user = user;
    const ctx = requestContext.get();
    if (ctx) ctx.user = user;
    // An endpoint that forgot to declare its roles is closed, not open.
    if (!access || !access.roles.includes(user.role)) {
      throw new AppError('FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
