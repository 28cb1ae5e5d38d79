import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { loginRequestSchema, type LoginRequest, type MeResponse } from '@itb/contracts';
import type { Request, Response } from 'express';
import { ALL_ROLES, Allow, CurrentUser, Public } from '../../common/access.decorators.js';
import { SESSION_COOKIE } from '../../common/access.guard.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { AppConfigToken, type AppConfig } from '../../config/app-config.provider.js';
import { Inject } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import { SESSION_ABSOLUTE_HOURS } from './sessions.service.js';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

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

  @Post('logout')
  @Allow(...ALL_ROLES)
  @HttpCode(204)
  async logout(@CurrentUser() user: SessionUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Allow(...ALL_ROLES)
  me(@CurrentUser() user: SessionUser): Promise<MeResponse> {
    return this.auth.me(user);
  }
}
