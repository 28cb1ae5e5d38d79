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
  patientResponseSchema,
  patientSummarySchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { PatientsService } from './patients.service.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Patients', 'Patients, their risk factors and active pump.')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Documented({
    operationId: 'listPatients',
    summary: 'Search and list patients',
    response: pageOf(patientSummarySchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(patientListQuerySchema)) query: PatientListQuery,
  ): Promise<Page<PatientSummary>> {
    return this.patients.list(user.clinicId, query);
  }

  @Documented({
    operationId: 'createPatient',
    summary: 'Register a patient',
    response: patientResponseSchema,
    errors: ['CONFLICT', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createPatientRequestSchema)) body: CreatePatientRequest,
  ): Promise<PatientResponse> {
    return this.patients.create(user, body);
  }

  @Documented({
    operationId: 'getPatient',
    summary: 'One patient with the active pump',
    response: patientResponseSchema,
  })
  @Get(':id')
  @Allow(...ALL_ROLES)
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: string): Promise<PatientResponse> {
    return this.patients.get(user, id);
  }

  @Documented({
    operationId: 'updatePatient',
    summary: "Change a patient's record",
    response: patientResponseSchema,
    errors: ['STALE_VERSION', 'CONFLICT', 'RULE_VIOLATION'],
  })
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
