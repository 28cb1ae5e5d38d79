import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  loginRequestSchema,
  type LoginRequest,
  type MeResponse,
  meResponseSchema,
  type UpdateMyPreferencesRequest,
  updateMyPreferencesRequestSchema,
} from '@itb/contracts';
import type { Request, Response } from 'express';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser, Public } from '../../common/access.decorators.js';
import { SESSION_COOKIE } from '../../common/access.guard.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { AppConfigToken, type AppConfig } from '../../config/app-config.provider.js';
import { Inject } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import { SESSION_ABSOLUTE_HOURS } from './sessions.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Auth', 'Sign in and out; the session cookie.')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Documented({
    operationId: 'login',
    summary: 'Sign in: sets the session cookie',
    response: meResponseSchema,
    errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
  })
  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.login(body, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: SESSION_ABSOLUTE_HOURS * 3600 * 1000,
    });
    return me;
  }

  @Documented({ operationId: 'logout', summary: 'Sign out: ends the session', response: null })
  @Post('logout')
  @Allow(...ALL_ROLES)
  @HttpCode(204)
  async logout(@CurrentUser() user: SessionUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Documented({ operationId: 'getMe', summary: 'The signed-in user and clinic', response: meResponseSchema })
  @Get('me')
  @Allow(...ALL_ROLES)
  me(@CurrentUser() user: SessionUser): Promise<MeResponse> {
    return this.auth.me(user);
  }

  @Documented({
    operationId: 'updateMyPreferences',
    summary: "The signed-in clinician's own preferences: the morning digest by e-mail",
    response: meResponseSchema,
  })
  @Patch('me')
  @Allow(...CLINICAL_ROLES)
  updatePreferences(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(updateMyPreferencesRequestSchema)) body: UpdateMyPreferencesRequest,
  ): Promise<MeResponse> {
    return this.auth.updatePreferences(user, body);
  }
}
