import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  doseAdjustmentPreviewRequestSchema,
  doseAdjustmentRequestSchema,
  type DoseAdjustmentPreview,
  type DoseAdjustmentPreviewRequest,
  type DoseAdjustmentRequest,
  type DoseAdjustmentResponse,
  type DoseAdjustmentResult,
  doseAdjustmentResponseSchema,
  doseAdjustmentResultSchema,
  doseAdjustmentPreviewSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { DoseAdjustmentsService } from './dose-adjustments.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Dose adjustments', 'Daily-dose changes between refills, checked against titration limits.')
@Controller('pumps/:id/dose-adjustments')
export class DoseAdjustmentsController {
  constructor(private readonly adjustments: DoseAdjustmentsService) {}

  @Documented({
    operationId: 'listDoseAdjustments',
    summary: "List a pump's dose changes",
    response: pageOf(doseAdjustmentResponseSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  async list(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
  ): Promise<{ items: DoseAdjustmentResponse[]; nextCursor: null }> {
    return { items: await this.adjustments.list(user.clinicId, pumpId), nextCursor: null };
  }

  @Documented({
    operationId: 'recordDoseAdjustment',
    summary: 'Record a dose change',
    response: doseAdjustmentResultSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  record(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(doseAdjustmentRequestSchema)) body: DoseAdjustmentRequest,
  ): Promise<DoseAdjustmentResult> {
    return this.adjustments.record(user, pumpId, body);
  }

  @Documented({
    operationId: 'previewDoseAdjustment',
    summary: 'Check a dose change without recording it',
    response: doseAdjustmentPreviewSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Post('preview')
  @Allow(...CLINICAL_ROLES)
  @HttpCode(200)
  preview(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(doseAdjustmentPreviewRequestSchema)) body: DoseAdjustmentPreviewRequest,
  ): Promise<DoseAdjustmentPreview> {
    return this.adjustments.preview(user, pumpId, body);
  }
}
