import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

/**
 * The feed itself, for calendar apps, which cannot sign in: the secret token in the path is the
 * credential. Unknown, revoked or malformed tokens and deactivated users all answer the same 404. The
 * request log writes this path with the token redacted (common/http-context.middleware.ts).
 */
@DocumentedTag('Calendar feed', 'Your secret iCalendar address for calendar apps: make, change, revoke.')
@Controller('calendar')
export class CalendarIcsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Documented({
    operationId: 'getCalendarIcs',
    summary: 'A calendar feed as iCalendar (the token is the credential)',
    description:
      "The appointments of the feed owner's clinic (or only theirs), from 30 days back to 180 ahead, on the " +
      "clinic's clock; patients by initials and MRN only. Computed on each fetch.",
    response: { file: 'text/calendar', description: 'The calendar (RFC 5545), UTF-8' },
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  })
  @Get(':token.ics')
  @Public()
  async ics(
    @Param('token') token: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const body = await this.feeds.ics(token, req.ip ?? 'unknown');
    // Headers only on success: a refusal is the usual JSON error.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Robots-Tag', 'noindex');
    return new StreamableFile(Buffer.from(body, 'utf8'), {
      type: 'text/calendar; charset=utf-8',
      disposition: 'inline; filename="itb-clinic.ics"',
    });
  }
}
