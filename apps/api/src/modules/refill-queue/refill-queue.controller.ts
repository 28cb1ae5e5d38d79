import { Controller, Get, Query } from '@nestjs/common';
import {
  type Page,
  type RefillQueueQuery,
  refillQueueQuerySchema,
  type RefillQueueRow,
  refillQueueRowSchema,
  pageOf,
} from '@itb/contracts';
import { Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { RefillQueueService } from './refill-queue.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Refill queue', 'Pumps due for a refill, soonest first, with the date to book.')
@Controller('refill-queue')
export class RefillQueueController {
  constructor(private readonly queue: RefillQueueService) {}

  @Documented({
    operationId: 'listRefillQueue',
    summary: 'Pumps due for a refill',
    response: pageOf(refillQueueRowSchema),
  })
  @Get()
  @Allow(...CLINICAL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(refillQueueQuerySchema)) query: RefillQueueQuery,
  ): Promise<Page<RefillQueueRow>> {
    return this.queue.list(user.clinicId, query);
  }
}
