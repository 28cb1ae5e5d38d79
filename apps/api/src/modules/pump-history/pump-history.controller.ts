import { reservoirHistorySchema } from '@itb/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import type { ReservoirHistoryResponse } from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe } from '../../common/zod-body.pipe.js';
import { PumpHistoryService } from './pump-history.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Pumps', 'Implants, the reservoir projection, explants.')
@Controller('pumps/:id/reservoir-history')
export class PumpHistoryController {
  constructor(private readonly history: PumpHistoryService) {}

  /** Read like the pump's fills: every role of the clinic (admins read clinical records). */
  @Documented({
    operationId: 'getReservoirHistory',
    summary: 'The reservoir volume over time, fill by fill',
    response: reservoirHistorySchema,
  })
  @Get()
  @Allow(...ALL_ROLES)
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) pumpId: string): Promise<ReservoirHistoryResponse> {
    return this.history.reservoirHistory(user.clinicId, pumpId);
  }
}
