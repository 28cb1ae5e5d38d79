import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bearerSecretOf } from '../modules/api-tokens/api-token-secret.js';
import { ApiTokensService } from '../modules/api-tokens/api-tokens.service.js';
import { SessionsService } from '../modules/auth/sessions.service.js';
import { AppError } from './app-error.js';
import { ACCESS_KEY, type Access, type AuthedRequest } from './access.decorators.js';
import { requestContext } from './request-context.js';

export const SESSION_COOKIE = 'itb_session';

/**
 * Global guard: a live session for every route but the public ones, then the route's roles. FHIR
 * routes (`@FhirRead`) also take a personal API token as `Authorization: Bearer …`, which stands for
 * its clinic; no other route looks at that header, so a token reads FHIR and nothing else.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (access?.kind === 'fhir') {
      const secret = bearerSecretOf(request.headers.authorization);
      if (secret) {
        // A bearer header is the credential of this request: a bad one is refused, never ignored for a cookie.
        const reader = await this.apiTokens.resolve(secret);
        if (!reader) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked');
        request.fhirReader = reader;
        return true;
      }
    }
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
    if (access.kind === 'fhir') request.fhirReader = { clinicId: user.clinicId, userId: user.id, tokenId: null };
    return true;
  }
}
