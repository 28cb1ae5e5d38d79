import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  doseAdjustmentRequestSchema,
  type DoseAdjustmentPreview,
  type DoseAdjustmentRequest,
  type DoseAdjustmentResponse,
  type DoseAdjustmentResult,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { DoseAdjustmentsService } from './dose-adjustments.service.js';

@Controller('pumps/:id/dose-adjustments')
export class DoseAdjustmentsController {
  constructor(private readonly adjustments: DoseAdjustmentsService) {}

  @Get()
  @Allow(...ALL_ROLES)
  async list(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
  ): Promise<{ items: DoseAdjustmentResponse[]; nextCursor: null }> {
    return { items: await this.adjustments.list(user.clinicId, pumpId), nextCursor: null };
  }

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

  @Post('preview')
  @Allow(...CLINICAL_ROLES)
  @HttpCode(200)
  preview(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(doseAdjustmentRequestSchema)) body: DoseAdjustmentRequest,
  ): Promise<DoseAdjustmentPreview> {
    return this.adjustments.preview(user, pumpId, body);
  }
}
