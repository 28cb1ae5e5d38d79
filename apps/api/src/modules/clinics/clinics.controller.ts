import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  updateClinicRequestSchema,
  type ClinicResponse,
  type UpdateClinicRequest,
  clinicResponseSchema,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { ClinicsService, toClinicResponse } from './clinics.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Clinic', "The clinic's settings: time zone, clinic days, lead times.")
@Controller('clinic')
export class ClinicsController {
  constructor(private readonly clinics: ClinicsService) {}

  @Documented({ operationId: 'getClinic', summary: 'The clinic and its settings', response: clinicResponseSchema })
  @Get()
  @Allow(...ALL_ROLES)
  async get(@CurrentUser() user: SessionUser): Promise<ClinicResponse> {
    return toClinicResponse(await this.clinics.get(user.clinicId));
  }

  @Documented({
    operationId: 'updateClinic',
    summary: "Change the clinic's settings",
    response: clinicResponseSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Patch()
  @Allow('admin')
  update(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(updateClinicRequestSchema)) body: UpdateClinicRequest,
  ): Promise<ClinicResponse> {
    return this.clinics.update(user, body);
  }
}
