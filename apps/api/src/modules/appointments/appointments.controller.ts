import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type AppointmentPreviewRequest,
  appointmentPreviewRequestSchema,
  type AppointmentPreviewResponse,
  appointmentPreviewResponseSchema,
  type AppointmentListQuery,
  appointmentListQuerySchema,
  type AppointmentResponse,
  type CreateAppointmentRequest,
  createAppointmentRequestSchema,
  type Page,
  type UpdateAppointmentRequest,
  updateAppointmentRequestSchema,
  appointmentResponseSchema,
  pageOf,
} from '@itb/contracts';
import { ALL_ROLES, Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { AppointmentsService } from './appointments.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

@DocumentedTag('Appointments', 'Bookings: refills, dose reviews, interrogations; check-in and outcomes.')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Documented({
    operationId: 'listAppointments',
    summary: 'List appointments',
    response: pageOf(appointmentResponseSchema),
  })
  @Get()
  @Allow(...ALL_ROLES)
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(appointmentListQuerySchema)) query: AppointmentListQuery,
  ): Promise<Page<AppointmentResponse>> {
    return this.appointments.list(user.clinicId, query);
  }

  @Documented({
    operationId: 'previewAppointment',
    summary: 'Check a slot before booking or moving',
    description:
      "The checks a booking would be saved with: the patient's pump's alarm, empty and refill-by dates, " +
      "the day's capacity, and the clinic's days and hours. Nothing is written.",
    response: appointmentPreviewResponseSchema,
    errors: ['NOT_FOUND'],
  })
  @Post('preview')
  @HttpCode(200)
  @Allow(...CLINICAL_ROLES)
  preview(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(appointmentPreviewRequestSchema)) body: AppointmentPreviewRequest,
  ): Promise<AppointmentPreviewResponse> {
    return this.appointments.preview(user, body);
  }

  @Documented({
    operationId: 'createAppointment',
    summary: 'Book an appointment',
    response: appointmentResponseSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow(...CLINICAL_ROLES)
  @Idempotent()
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createAppointmentRequestSchema)) body: CreateAppointmentRequest,
  ): Promise<AppointmentResponse> {
    return this.appointments.create(user, body);
  }

  @Documented({
    operationId: 'updateAppointment',
    summary: "Change an appointment's status, or move it",
    response: appointmentResponseSchema,
    errors: ['STALE_VERSION', 'CONFLICT', 'RULE_VIOLATION'],
  })
  @Patch(':id')
  @Allow(...CLINICAL_ROLES)
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(updateAppointmentRequestSchema)) body: UpdateAppointmentRequest,
  ): Promise<AppointmentResponse> {
    return this.appointments.update(user, id, body);
  }
}
