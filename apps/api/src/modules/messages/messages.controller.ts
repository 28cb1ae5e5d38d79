import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  type MarkLettersPrintedRequest,
  markLettersPrintedRequestSchema,
  markLettersPrintedResponseSchema,
  type MessageListQuery,
  messageListQuerySchema,
  type MessageResponse,
  messageResponseSchema,
  type MessageSummary,
  messageSummarySchema,
  type Page,
  pageOf,
  type ResendMessageRequest,
  resendMessageRequestSchema,
} from '@itb/contracts';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { MessagesService } from './messages.service.js';

/** The outbox is the administrator's (DESIGN.md "Users and roles": clinic settings and reports). */
@DocumentedTag('Messages', 'The outbox of reminders and digests, the letter batch, re-sending.')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Documented({
    operationId: 'listMessages',
    summary: 'The outbox, newest first',
    response: pageOf(messageResponseSchema),
  })
  @Get()
  @Allow('admin')
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(messageListQuerySchema)) query: MessageListQuery,
  ): Promise<Page<MessageResponse>> {
    return this.messages.list(user.clinicId, query);
  }

  @Documented({
    operationId: 'getMessageSummary',
    summary: 'How many messages are in each status, and whether e-mail goes out',
    response: messageSummarySchema,
  })
  @Get('summary')
  @Allow('admin')
  summary(@CurrentUser() user: SessionUser): Promise<MessageSummary> {
    return this.messages.summary(user.clinicId);
  }

  @Documented({
    operationId: 'printLetterBatch',
    summary: 'Every letter waiting to print, one A4 page each (audited)',
    description: '422 when no letter is waiting. Printing does not mark them printed: confirm with markLettersPrinted.',
    response: { file: 'application/pdf', description: 'The letters, a page each' },
    errors: ['RULE_VIOLATION'],
  })
  @Get('letters.pdf')
  @Allow('admin')
  async letters(@CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const { pdf } = await this.messages.letterBatch(user);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'inline; filename="letters.pdf"' });
  }

  @Documented({
    operationId: 'markLettersPrinted',
    summary: 'Marks printed letters as posted: they leave the batch',
    response: markLettersPrintedResponseSchema,
  })
  @Post('letters/printed')
  @HttpCode(200)
  @Allow('admin')
  async markPrinted(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(markLettersPrintedRequestSchema)) body: MarkLettersPrintedRequest,
  ): Promise<{ printed: number }> {
    return { printed: await this.messages.markPrinted(user, body.messageIds) };
  }

  @Documented({
    operationId: 'resendMessage',
    summary: 'Sends an e-mail again, or puts a printed letter back in the batch',
    description: '409 when no mail server is configured; 422 when the message is already on its way.',
    response: messageResponseSchema,
    errors: ['CONFLICT', 'RULE_VIOLATION'],
  })
  @Post(':id/resend')
  @HttpCode(200)
  @Allow('admin')
  resend(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(resendMessageRequestSchema)) body: ResendMessageRequest,
  ): Promise<MessageResponse> {
    return this.messages.resend(user, id, body.reason ?? null);
  }
}
