import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  type OverdueNowPage,
  overdueNowPageSchema,
  type OverdueNowQuery,
  overdueNowQuerySchema,
  type OverdueReport,
  type OverdueReportQuery,
  overdueReportQuerySchema,
  overdueReportSchema,
  type ReportCsvQuery,
  reportCsvQuerySchema,
  type ReportPatients,
  type ReportPatientsQuery,
  reportPatientsQuerySchema,
  reportPatientsSchema,
} from '@itb/contracts';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { overdueReportCsv, overdueReportFileName } from './overdue-report.csv.js';
import { OverdueReportService } from './overdue-report.service.js';
import { ReportPatientsService } from './report-patients.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Reports', 'The overdue-refill report for a period.')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly report: OverdueReportService,
    private readonly patients: ReportPatientsService,
  ) {}

  @Documented({
    operationId: 'getOverdueReport',
    summary: 'Refills by the month they fell due, no-shows, and the pumps overdue now',
    response: overdueReportSchema,
  })
  @Get('overdue')
  @Allow('admin', 'specialist')
  overdue(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(overdueReportQuerySchema)) query: OverdueReportQuery,
  ): Promise<OverdueReport> {
    return this.report.build(user.clinicId, query, query.limit);
  }

  @Documented({
    operationId: 'getOverdueNow',
    summary: 'The pumps overdue now after the report’s first page, most overdue first, by keyset',
    response: overdueNowPageSchema,
  })
  @Get('overdue/now')
  @Allow('admin', 'specialist')
  overdueNow(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(overdueNowQuerySchema)) query: OverdueNowQuery,
  ): Promise<OverdueNowPage> {
    return this.report.overdueNow(user.clinicId, query);
  }

  @Documented({
    operationId: 'getOverdueReportPatients',
    summary: 'The patients behind one count of the overdue report',
    response: reportPatientsSchema,
  })
  @Get('overdue/patients')
  @Allow('admin', 'specialist')
  overduePatients(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(reportPatientsQuerySchema)) query: ReportPatientsQuery,
  ): Promise<ReportPatients> {
    return this.patients.list(user.clinicId, query);
  }

  @Documented({
    operationId: 'getOverdueReportCsv',
    summary: 'One section of the overdue report as CSV, with the period, zone and headline figures above it',
    response: { file: 'text/csv', description: 'A header block, a blank line, then the section table; UTF-8' },
  })
  @Get('overdue.csv')
  @Allow('admin', 'specialist')
  async overdueCsv(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(reportCsvQuerySchema)) query: ReportCsvQuery,
  ): Promise<StreamableFile> {
    // Headers only on success: a refusal is the usual JSON error. The file holds every overdue pump.
    const report = await this.report.build(user.clinicId, query, null);
    return new StreamableFile(Buffer.from(overdueReportCsv(report, query.section), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${overdueReportFileName(report, query.section)}"`,
    });
  }
}
