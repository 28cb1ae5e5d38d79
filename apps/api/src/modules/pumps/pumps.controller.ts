import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  explantRequestSchema,
  implantRequestSchema,
  replacePumpRequestSchema,
  updatePumpRequestSchema,
  type ExplantRequest,
  type ImplantRequest,
  type ReplacePumpRequest,
  type ProjectionResponse,
  type PumpResponse,
  type UpdatePumpRequest,
  pumpResponseSchema,
  projectionSchema,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { PumpsService } from './pumps.service.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Pumps', 'Implants, the reservoir projection, explants.')
@Controller()
export class PumpsController {
  constructor(private readonly pumps: PumpsService) {}

  /** Nurses implant too: bringing an existing patient's pump and fill into the clinic. */
  @Documented({
    operationId: 'implantPump',
    summary: 'Record an implant with its first fill',
    response: pumpResponseSchema,
    errors: ['CONFLICT', 'RULE_VIOLATION'],
  })
  @Post('patients/:id/pumps')
  @Allow('specialist', 'nurse')
  @Idempotent()
  implant(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) patientId: string,
    @Body(new ZodPipe(implantRequestSchema)) body: ImplantRequest,
  ): Promise<PumpResponse> {
    return this.pumps.implant(user, patientId, body);
  }

  @Documented({
    operationId: 'getPump',
    summary: 'One pump with its current fill and projection',
    response: pumpResponseSchema,
  })
  @Get('pumps/:id')
  @Allow(...ALL_ROLES)
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: string): Promise<PumpResponse> {
    return this.pumps.get(user.clinicId, id);
  }

  @Documented({
    operationId: 'getPumpProjection',
    summary: 'When the reservoir reaches the alarm and empties',
    response: projectionSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Get('pumps/:id/projection')
  @Allow(...ALL_ROLES)
  projection(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: string): Promise<ProjectionResponse> {
    return this.pumps.projection(user.clinicId, id);
  }

  @Documented({
    operationId: 'updatePump',
    summary: "Change a pump's details",
    response: pumpResponseSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Patch('pumps/:id')
  @Allow('specialist')
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(updatePumpRequestSchema)) body: UpdatePumpRequest,
  ): Promise<PumpResponse> {
    return this.pumps.update(user, id, body);
  }

  @Documented({
    operationId: 'explantPump',
    summary: 'Record an explant',
    response: pumpResponseSchema,
    errors: ['STALE_VERSION', 'CONFLICT', 'RULE_VIOLATION'],
  })
  @Post('pumps/:id/explant')
  @Allow('specialist')
  @Idempotent()
  @HttpCode(200)
  explant(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(explantRequestSchema)) body: ExplantRequest,
  ): Promise<PumpResponse> {
    return this.pumps.explant(user, id, body);
  }

  @Documented({
    operationId: 'replacePump',
    summary: 'Replace a pump: explant it and implant the new one in one step',
    description:
      'The current pump is explanted (its fills, events and flags stay as its history) and the new pump implanted ' +
      'with its first fill, in one transaction; the reason goes on both audit rows.',
    response: pumpResponseSchema,
    errors: ['STALE_VERSION', 'CONFLICT', 'RULE_VIOLATION'],
  })
  @Post('pumps/:id/replace')
  @Allow('specialist')
  @Idempotent()
  replace(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(replacePumpRequestSchema)) body: ReplacePumpRequest,
  ): Promise<PumpResponse> {
    return this.pumps.replace(user, id, body);
  }
}
