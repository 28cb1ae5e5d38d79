import { Controller, Get, Query } from '@nestjs/common';
import {
  type Page,
  pageOf,
  type ReplacementWorklistQuery,
  replacementWorklistQuerySchema,
  type ReplacementWorklistRow,
  replacementWorklistRowSchema,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import { ReplacementWorklistService } from './replacement-worklist.service.js';

@DocumentedTag('Replacements', 'Pumps by the date they need replacing, with the replacement consult booked.')
@Controller('replacement-worklist')
export class ReplacementWorklistController {
  constructor(private readonly worklist: ReplacementWorklistService) {}

  @Documented({
    operationId: 'listReplacementWorklist',
    summary: 'Pumps due for replacement, soonest first',
    description:
      'The ERI date interrogation gave, else the model estimate (SynchroMed II 5 years from implant, Prometra II 10). ' +
      'Pages by the due date and pump id.',
    response: pageOf(replacementWorklistRowSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(replacementWorklistQuerySchema)) query: ReplacementWorklistQuery,
  ): Promise<Page<ReplacementWorklistRow>> {
    return this.worklist.list(user.clinicId, query);
  }
}
