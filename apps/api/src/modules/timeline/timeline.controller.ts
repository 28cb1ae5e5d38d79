import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  type Page,
  type TimelineItem,
  type TimelineQuery,
  timelineQuerySchema,
  timelineItemSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { TimelineService } from './timeline.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Timeline', 'Everything that happened to a patient, newest first.')
@Controller('patients/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Documented({
    operationId: 'getPatientTimeline',
    summary: "A patient's timeline",
    response: pageOf(timelineItemSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) patientId: string,
    @Query(new ZodPipe(timelineQuerySchema)) query: TimelineQuery,
  ): Promise<Page<TimelineItem>> {
    return this.timeline.list(user.clinicId, patientId, query);
  }
}
