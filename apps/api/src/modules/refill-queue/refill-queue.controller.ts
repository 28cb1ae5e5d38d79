import { Controller, Get, Query } from '@nestjs/common';
import { type Page, type RefillQueueQuery, refillQueueQuerySchema, type RefillQueueRow } from '@itb/contracts';
import { Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { RefillQueueService } from './refill-queue.service.js';

@Controller('refill-queue')
export class RefillQueueController {
  constructor(private readonly queue: RefillQueueService) {}

  @Get()
  @Allow(...CLINICAL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(refillQueueQuerySchema)) query: RefillQueueQuery,
  ): Promise<Page<RefillQueueRow>> {
    return this.queue.list(user.clinicId, query);
  }
}
