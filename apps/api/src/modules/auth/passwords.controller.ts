import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  invitationLookupRequestSchema,
  type AcceptInvitationRequest,
  type ChangePasswordRequest,
  type InvitationLookupRequest,
  type InvitationLookupResponse,
  invitationLookupResponseSchema,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser, Public } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { PasswordsService } from './passwords.service.js';

/** Invitation links (public: the token is the credential) and changing one's own password. */
@DocumentedTag('Passwords', 'Invitation links and changing your own password.')
@Controller('auth')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** POST, not GET: the token travels in the body, never in an address a log or Referer could keep. */
  @Documented({
    operationId: 'lookUpInvitation',
    summary: 'Who an invitation link is for, and until when it works',
    response: invitationLookupResponseSchema,
    errors: ['NOT_FOUND'],
  })
  @Post('invitations/lookup')
  @Public()
  @HttpCode(200)
  lookup(
    @Body(new ZodPipe(invitationLookupRequestSchema)) body: InvitationLookupRequest,
  ): Promise<InvitationLookupResponse> {
    return this.passwords.lookup(body.token);
  }

  @Documented({
    operationId: 'acceptInvitation',
    summary: 'Set your password with an invitation link',
    response: null,
    errors: ['NOT_FOUND', 'RULE_VIOLATION'],
  })
  @Post('invitations/accept')
  @Public()
  @HttpCode(204)
  accept(@Body(new ZodPipe(acceptInvitationRequestSchema)) body: AcceptInvitationRequest): Promise<void> {
    return this.passwords.accept(body);
  }

  @Documented({
    operationId: 'changePassword',
    summary: 'Change your own password (the current one is required)',
    response: null,
    errors: ['RULE_VIOLATION'],
  })
  @Post('password')
  @Allow(...ALL_ROLES)
  @HttpCode(204)
  change(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(changePasswordRequestSchema)) body: ChangePasswordRequest,
  ): Promise<void> {
    return this.passwords.change(user, body);
  }
}
