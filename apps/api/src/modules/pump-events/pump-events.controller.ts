import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  pumpEventRequestSchema,
  type PumpEventRequest,
  type PumpEventResponse,
  pumpEventResponseSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { PumpEventsService } from './pump-events.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Pump events', 'Interrogations, MRIs, alarms heard, revisions, boluses.')
@Controller('pumps/:id/events')
export class PumpEventsController {
  constructor(private readonly events: PumpEventsService) {}

  @Documented({
    operationId: 'listPumpEvents',
    summary: "List a pump's events",
    response: pageOf(pumpEventResponseSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  async list(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
  ): Promise<{ items: PumpEventResponse[]; nextCursor: null }> {
    return { items: await this.events.list(user.clinicId, pumpId), nextCursor: null };
  }

  @Documented({
    operationId: 'recordPumpEvent',
    summary: 'Record a pump event',
    response: pumpEventResponseSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  record(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
    @Body(new ZodPipe(pumpEventRequestSchema)) body: PumpEventRequest,
  ): Promise<PumpEventResponse> {
    return this.events.record(user, pumpId, body);
  }
}
