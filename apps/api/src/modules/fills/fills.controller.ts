import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  fillListQuerySchema,
  fillPreviewRequestSchema,
  fillRequestSchema,
  type FillPreview,
  type FillPreviewRequest,
  type FillRequest,
  type FillResponse,
  type FillResult,
  type Page,
  fillResponseSchema,
  fillResultSchema,
  fillPreviewSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { FillsService } from './fills.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Fills', 'Refills: the residual check, the new reservoir projection.')
@Controller('pumps/:id/fills')
export class FillsController {
  constructor(private readonly fills: FillsService) {}

  @Documented({
    operationId: 'listFills',
    summary: "List a pump's fills, newest first",
    response: pageOf(fillResponseSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Query(new ZodPipe(fillListQuerySchema)) query: { cursor?: string; limit: number },
  ): Promise<Page<FillResponse>> {
    return this.fills.list(user.clinicId, pumpId, query);
  }

  @Documented({
    operationId: 'recordFill',
    summary: 'Record a refill',
    response: fillResultSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  record(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(fillRequestSchema)) body: FillRequest,
  ): Promise<FillResult> {
    return this.fills.record(user, pumpId, body);
  }

  @Documented({
    operationId: 'previewFill',
    summary: 'Check a refill without recording it',
    response: fillPreviewSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Post('preview')
  @Allow(...CLINICAL_ROLES)
  @HttpCode(200)
  preview(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(fillPreviewRequestSchema)) body: FillPreviewRequest,
  ): Promise<FillPreview> {
    return this.fills.preview(user, pumpId, body);
  }
}
