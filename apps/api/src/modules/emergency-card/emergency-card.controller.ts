import { emergencyCardSchema } from '@itb/contracts';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import type { EmergencyCard } from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe } from '../../common/zod-body.pipe.js';
import { emergencyCardPdf } from './emergency-card.pdf.js';
import { EmergencyCardService } from './emergency-card.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Emergency card', 'The wallet card: pump, drug, dose and what to do in a withdrawal.')
@Controller('patients/:id')
export class EmergencyCardController {
  constructor(private readonly cards: EmergencyCardService) {}

  @Documented({
    operationId: 'getEmergencyCard',
    summary: "A patient's emergency card",
    response: emergencyCardSchema,
    errors: ['RULE_VIOLATION'],
  })
  @Get('emergency-card')
  @Allow(...ALL_ROLES)
  card(@CurrentUser() user: SessionUser, @Param('id', IdPipe) patientId: string): Promise<EmergencyCard> {
    return this.cards.card(user.clinicId, patientId);
  }

  @Documented({
    operationId: 'getEmergencyCardPdf',
    summary: "A patient's emergency card as a printable PDF",
    response: { file: 'application/pdf', description: 'The card, one A4 page' },
    errors: ['RULE_VIOLATION'],
  })
  @Get('emergency-card.pdf')
  @Allow(...ALL_ROLES)
  async pdf(@CurrentUser() user: SessionUser, @Param('id', IdPipe) patientId: string): Promise<StreamableFile> {
    // Headers only on success: a refusal is the usual JSON error.
    const card = await this.cards.card(user.clinicId, patientId);
    return new StreamableFile(await emergencyCardPdf(card), {
      type: 'application/pdf',
      disposition: 'inline; filename="emergency-card.pdf"',
    });
  }
}
