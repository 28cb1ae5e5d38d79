import { Body, Controller, Get, Patch } from '@nestjs/common';
import { updateClinicRequestSchema, type ClinicResponse, type UpdateClinicRequest } from '@itb/contracts';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { ClinicsService, toClinicResponse } from './clinics.service.js';

@Controller('clinic')
export class ClinicsController {
  constructor(private readonly clinics: ClinicsService) {}

  @Get()
  @Allow(...ALL_ROLES)
  async get(@CurrentUser() user: SessionUser): Promise<ClinicResponse> {
    return toClinicResponse(await this.clinics.get(user.clinicId));
  }

  @Patch()
  @Allow('admin')
  update(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(updateClinicRequestSchema)) body: UpdateClinicRequest,
  ): Promise<ClinicResponse> {
    return this.clinics.update(user, body);
  }
}
