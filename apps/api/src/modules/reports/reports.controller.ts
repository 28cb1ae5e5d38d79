import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  type OverdueReport,
  type OverdueReportQuery,
  overdueReportQuerySchema,
  overdueReportSchema,
} from '@itb/contracts';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { overdueReportCsv } from './overdue-report.csv.js';
import { OverdueReportService } from './overdue-report.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Reports', 'The overdue-refill report for a period.')
@Controller('reports')
export class ReportsController {
  constructor(private readonly report: OverdueReportService) {}

  @Documented({ operationId: 'getOverdueReport', summary: 'Refills done late or still overdue in a period', response: overdueReportSchema })
  @Get('overdue')
  @Allow('admin', 'specialist')
  overdue(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(overdueReportQuerySchema)) query: OverdueReportQuery,
  ): Promise<OverdueReport> {
    return this.report.build(user.clinicId, query);
  }

  @Documented({ operationId: 'getOverdueReportCsv', summary: 'The overdue-refill report as CSV', response: { file: 'text/csv', description: 'One row per late refill, UTF-8' } })
  @Get('overdue.csv')
  @Allow('admin', 'specialist')
  async overdueCsv(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(overdueReportQuerySchema)) query: OverdueReportQuery,
  ): Promise<StreamableFile> {
    // Headers only on success: a refusal is the usual JSON error.
    const csv = overdueReportCsv(await this.report.build(user.clinicId, query));
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="overdue-refills.csv"',
    });
  }
}
