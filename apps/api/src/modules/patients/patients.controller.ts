import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createPatientRequestSchema,
  patientListQuerySchema,
  updatePatientRequestSchema,
  type CreatePatientRequest,
  type Page,
  type PatientListQuery,
  type PatientResponse,
  type PatientSummary,
  type UpdatePatientRequest,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { PatientsService } from './patients.service.js';

@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(patientListQuerySchema)) query: PatientListQuery,
  ): Promise<Page<PatientSummary>> {
    return this.patients.list(user.clinicId, query);
  }

  @Post()
  @Allow(...CLINICAL_ROLES)
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createPatientRequestSchema)) body: CreatePatientRequest,
  ): Promise<PatientResponse> {
    return this.patients.create(user, body);
  }

  @Get(':id')
  @Allow(...ALL_ROLES)
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: string): Promise<PatientResponse> {
    return this.patients.get(user, id);
  }

  @Patch(':id')
  @Allow(...CLINICAL_ROLES)
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(updatePatientRequestSchema)) body: UpdatePatientRequest,
  ): Promise<PatientResponse> {
    return this.patients.update(user, id, body);
  }
}
