import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { type FillWorksheet, fillWorksheetSchema, type RefillWorksheet, refillWorksheetSchema } from '@itb/contracts';
import { Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe } from '../../common/zod-body.pipe.js';
import { fillWorksheetPdf } from './fill-worksheet.pdf.js';
import { refillWorksheetPdf } from './refill-worksheet.pdf.js';
import { RefillWorksheetsService } from './refill-worksheets.service.js';

const pdf = (bytes: Uint8Array, filename: string) =>
  new StreamableFile(bytes, { type: 'application/pdf', disposition: `inline; filename="${filename}"` });

/** The refill worksheets are for the clinicians who refill (DESIGN.md "Users and roles"). */
@DocumentedTag('Refill worksheets', 'One-page refill notes: the plan before a refill and the record after it.')
@Controller()
export class RefillWorksheetsController {
  constructor(private readonly worksheets: RefillWorksheetsService) {}

  @Documented({
    operationId: 'getRefillWorksheet',
    summary: 'The worksheet for the next refill of a pump',
    description:
      'The pump as it is now: the residual to expect, the volume to fill, the settings to key into the programmer ' +
      'and what the pump does once refilled as planned. 422 for a pump with no active fill.',
    response: refillWorksheetSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Get('pumps/:id/refill-worksheet')
  @Allow(...CLINICAL_ROLES)
  beforeRefill(@CurrentUser() user: SessionUser, @Param('id', IdPipe) pumpId: string): Promise<RefillWorksheet> {
    return this.worksheets.beforeRefill(user.clinicId, pumpId);
  }

  @Documented({
    operationId: 'getRefillWorksheetPdf',
    summary: 'The worksheet for the next refill of a pump, as a PDF (audited)',
    response: { file: 'application/pdf', description: 'The worksheet, one A4 page' },
    errors: ['RULE_VIOLATION'],
  })
  @Get('pumps/:id/refill-worksheet.pdf')
  @Allow(...CLINICAL_ROLES)
  async beforeRefillPdf(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) pumpId: string,
  ): Promise<StreamableFile> {
    // Headers only on success: a refusal is the usual JSON error.
    const worksheet = await this.worksheets.beforeRefill(user.clinicId, pumpId);
    const bytes = await refillWorksheetPdf(worksheet);
    await this.worksheets.recordExport(user, { kind: 'before', worksheet });
    return pdf(bytes, 'refill-worksheet.pdf');
  }

  @Documented({
    operationId: 'getFillWorksheet',
    summary: 'The record of a refill: what was found and done, and who recorded it',
    description: "422 for a pump's first fill (nothing was withdrawn).",
    response: fillWorksheetSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Get('fills/:id/worksheet')
  @Allow(...CLINICAL_ROLES)
  afterRefill(@CurrentUser() user: SessionUser, @Param('id', IdPipe) fillId: string): Promise<FillWorksheet> {
    return this.worksheets.afterRefill(user.clinicId, fillId);
  }

  @Documented({
    operationId: 'getFillWorksheetPdf',
    summary: 'The record of a refill, as a PDF (audited)',
    response: { file: 'application/pdf', description: 'The record, one A4 page' },
    errors: ['RULE_VIOLATION'],
  })
  @Get('fills/:id/worksheet.pdf')
  @Allow(...CLINICAL_ROLES)
  async afterRefillPdf(@CurrentUser() user: SessionUser, @Param('id', IdPipe) fillId: string): Promise<StreamableFile> {
    const worksheet = await this.worksheets.afterRefill(user.clinicId, fillId);
    const bytes = await fillWorksheetPdf(worksheet);
    await this.worksheets.recordExport(user, { kind: 'after', worksheet });
    return pdf(bytes, 'refill-record.pdf');
  }
}
