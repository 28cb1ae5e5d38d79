import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  type CalendarFeedCreated,
  calendarFeedCreatedSchema,
  type CalendarFeedStatus,
  calendarFeedStatusSchema,
  type CreateCalendarFeedRequest,
  createCalendarFeedRequestSchema,
  type UpdateCalendarFeedRequest,
  updateCalendarFeedRequestSchema,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

/** The signed-in user's own calendar feed: every role may have one, and nobody sees another's. */
@DocumentedTag('Calendar feed', 'Your secret iCalendar address for calendar apps: make, change, revoke.')
@Controller('calendar-feed')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Documented({
    operationId: 'getCalendarFeed',
    summary: 'Your calendar feed: whether you have one, what it holds, when it was made and last fetched',
    response: calendarFeedStatusSchema,
  })
  @Get()
  @Allow(...ALL_ROLES)
  status(@CurrentUser() user: SessionUser): Promise<CalendarFeedStatus> {
    return this.feeds.status(user);
  }

  @Documented({
    operationId: 'createCalendarFeed',
    summary: 'Make your calendar feed, or give it a new address',
    description:
      'Answers the address once (the server keeps only a hash of its token). If you already have a feed, ' +
      'its old address stops working at once.',
    response: calendarFeedCreatedSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Post()
  @Allow(...ALL_ROLES)
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createCalendarFeedRequestSchema)) body: CreateCalendarFeedRequest,
  ): Promise<CalendarFeedCreated> {
    return this.feeds.create(user, body.scope);
  }

  @Documented({
    operationId: 'updateCalendarFeed',
    summary: 'Change what your calendar feed holds (its address stays)',
    response: calendarFeedStatusSchema,
    errors: ['NOT_FOUND', 'RULE_VIOLATION'],
  })
  @Patch()
  @Allow(...ALL_ROLES)
  update(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(updateCalendarFeedRequestSchema)) body: UpdateCalendarFeedRequest,
  ): Promise<CalendarFeedStatus> {
    return this.feeds.update(user, body.scope);
  }

  @Documented({
    operationId: 'revokeCalendarFeed',
    summary: 'Revoke your calendar feed: its address answers 404 from now on',
    response: null,
    errors: ['NOT_FOUND'],
  })
  @Delete()
  @Allow(...ALL_ROLES)
  @HttpCode(204)
  revoke(@CurrentUser() user: SessionUser): Promise<void> {
    return this.feeds.revoke(user);
  }
}
