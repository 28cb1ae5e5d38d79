import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type AcknowledgeFlagRequest,
  acknowledgeFlagRequestSchema,
  type BulkAcknowledgeFlagsRequest,
  bulkAcknowledgeFlagsRequestSchema,
  type BulkAcknowledgeFlagsResponse,
  bulkAcknowledgeFlagsResponseSchema,
  type FlagListQuery,
  flagListQuerySchema,
  type FlagResponse,
  type ManualFlagRequest,
  manualFlagRequestSchema,
  type Page,
  type ResolveFlagRequest,
  resolveFlagRequestSchema,
  flagResponseSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { FlagsService } from './flags.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Flags', 'Risk flags raised by the rules or by a clinician, and their follow-up.')
@Controller()
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Documented({ operationId: 'listFlags', summary: 'List flags', response: pageOf(flagResponseSchema) })
  @Get('flags')
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(flagListQuerySchema)) query: FlagListQuery,
  ): Promise<Page<FlagResponse>> {
    return this.flags.list(user.clinicId, query);
  }

  @Documented({ operationId: 'getFlag', summary: 'One flag', response: flagResponseSchema })
  @Get('flags/:id')
  @Allow(...ALL_ROLES)
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: string): Promise<FlagResponse> {
    return this.flags.get(user.clinicId, id);
  }

  @Documented({
    operationId: 'raiseFlag',
    summary: 'Raise a flag for clinical signs',
    response: flagResponseSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Post('patients/:id/flags')
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  raise(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) patientId: string,
    @Body(new ZodPipe(manualFlagRequestSchema)) body: ManualFlagRequest,
  ): Promise<FlagResponse> {
    return this.flags.raiseManual(user, patientId, body);
  }

  @Documented({
    operationId: 'acknowledgeFlags',
    summary: 'Acknowledge several flags with one note',
    description: 'All of them or none: a flag of another clinic, or one no longer open, refuses the whole request.',
    response: bulkAcknowledgeFlagsResponseSchema,
    errors: ['CONFLICT', 'NOT_FOUND'],
  })
  @Post('flags/acknowledge')
  @HttpCode(200)
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  async acknowledgeMany(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(bulkAcknowledgeFlagsRequestSchema)) body: BulkAcknowledgeFlagsRequest,
  ): Promise<BulkAcknowledgeFlagsResponse> {
    return { items: await this.flags.acknowledgeMany(user, body) };
  }

  @Documented({
    operationId: 'acknowledgeFlag',
    summary: 'Acknowledge a flag',
    response: flagResponseSchema,
    errors: ['CONFLICT'],
  })
  @Post('flags/:id/acknowledge')
  @HttpCode(200)
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  acknowledge(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(acknowledgeFlagRequestSchema)) body: AcknowledgeFlagRequest,
  ): Promise<FlagResponse> {
    return this.flags.acknowledge(user, id, body);
  }

  @Documented({
    operationId: 'resolveFlag',
    summary: 'Resolve a manual flag',
    response: flagResponseSchema,
    errors: ['CONFLICT', 'RULE_VIOLATION'],
  })
  @Post('flags/:id/resolve')
  @HttpCode(200)
  @Allow('specialist')
  @Idempotent()
  resolve(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(resolveFlagRequestSchema)) body: ResolveFlagRequest,
  ): Promise<FlagResponse> {
    return this.flags.resolve(user, id, body);
  }
}
