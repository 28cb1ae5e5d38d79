import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type ApiTokenResponse,
  apiTokenResponseSchema,
  type CreateApiTokenRequest,
  createApiTokenRequestSchema,
  type CreatedApiTokenResponse,
  createdApiTokenResponseSchema,
  pageOf,
  type RevokeApiTokenRequest,
  revokeApiTokenRequestSchema,
} from '@itb/contracts';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { ApiTokensService } from './api-tokens.service.js';

@DocumentedTag('API tokens', 'Personal API tokens for machine clients of the read-only FHIR API (administrators).')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Documented({
    operationId: 'listApiTokens',
    summary: "List the clinic's API tokens (live and revoked), newest first",
    response: pageOf(apiTokenResponseSchema),
  })
  @Get()
  @Allow('admin')
  async list(@CurrentUser() user: SessionUser): Promise<{ items: ApiTokenResponse[]; nextCursor: null }> {
    return { items: await this.tokens.list(user.clinicId), nextCursor: null };
  }

  /** The answer is the only time the secret is shown: the API stores its SHA-256 alone. */
  @Documented({
    operationId: 'createApiToken',
    summary: 'Create a read-only FHIR API token; the answer carries its secret, shown once',
    response: createdApiTokenResponseSchema,
  })
  @Post()
  @Allow('admin')
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createApiTokenRequestSchema)) body: CreateApiTokenRequest,
  ): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(user, body);
  }

  @Documented({
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token: its next request answers 401',
    response: apiTokenResponseSchema,
  })
  @Post(':id/revoke')
  @Allow('admin')
  @HttpCode(200)
  revoke(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(revokeApiTokenRequestSchema)) body: RevokeApiTokenRequest,
  ): Promise<ApiTokenResponse> {
    return this.tokens.revoke(user, id, body.reason || null);
  }
}
