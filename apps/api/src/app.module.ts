import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './common/access.guard.js';
import { Clock } from './common/clock.js';
import { ErrorFilter } from './common/error.filter.js';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './common/idempotency/idempotency.store.js';
import { ReadYourWritesInterceptor } from './common/read-your-writes.interceptor.js';
import { StaleReads } from './common/stale-reads.js';
import { AppConfigToken, type AppConfig } from './config/app-config.provider.js';
import { appDataSourceOptions } from './app-data-source.js';
import { AppointmentsController } from './modules/appointments/appointments.controller.js';
import { AppointmentsService } from './modules/appointments/appointments.service.js';
import { RefillQueueController } from './modules/refill-queue/refill-queue.controller.js';
import { ReplacementWorklistController } from './modules/replacements/replacement-worklist.controller.js';
import { ReplacementWorklistService } from './modules/replacements/replacement-worklist.service.js';
import { RefillQueueService } from './modules/refill-queue/refill-queue.service.js';
import { OverdueReportService } from './modules/reports/overdue-report.service.js';
import { ReportPatientsService } from './modules/reports/report-patients.service.js';
import { ReportsController } from './modules/reports/reports.controller.js';
import { TimelineController } from './modules/timeline/timeline.controller.js';
import { TimelineService } from './modules/timeline/timeline.service.js';
import { EmergencyCardController } from './modules/emergency-card/emergency-card.controller.js';
import { EmergencyCardService } from './modules/emergency-card/emergency-card.service.js';
import { RefillWorksheetsController } from './modules/refill-worksheets/refill-worksheets.controller.js';
import { RefillWorksheetsService } from './modules/refill-worksheets/refill-worksheets.service.js';
import { PumpHistoryController } from './modules/pump-history/pump-history.controller.js';
import { PumpHistoryRepository } from './modules/pump-history/pump-history.repository.js';
import { PumpHistoryService } from './modules/pump-history/pump-history.service.js';
import { ApiTokensController } from './modules/api-tokens/api-tokens.controller.js';
import { ApiTokensService } from './modules/api-tokens/api-tokens.service.js';
import { FhirController } from './modules/fhir/fhir.controller.js';
import { FhirRepository } from './modules/fhir/fhir.repository.js';
import { FhirService } from './modules/fhir/fhir.service.js';
import { AuditController } from './modules/audit/audit.controller.js';
import { AuditService } from './modules/audit/audit.service.js';
import { CalendarFeedLimits } from './modules/calendar-feeds/calendar-feed-limits.js';
import { CalendarFeedsController } from './modules/calendar-feeds/calendar-feeds.controller.js';
import { CalendarFeedsService } from './modules/calendar-feeds/calendar-feeds.service.js';
import { CalendarIcsController } from './modules/calendar-feeds/calendar-ics.controller.js';
import { AuthController } from './modules/auth/auth.controller.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottleService } from './modules/auth/login-throttle.service.js';
import { PasswordsController } from './modules/auth/passwords.controller.js';
import { PasswordsService } from './modules/auth/passwords.service.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { ClinicsController } from './modules/clinics/clinics.controller.js';
import { ClinicsService } from './modules/clinics/clinics.service.js';
import { DoseAdjustmentsController } from './modules/dose-adjustments/dose-adjustments.controller.js';
import { DoseAdjustmentsService } from './modules/dose-adjustments/dose-adjustments.service.js';
import { FillsController } from './modules/fills/fills.controller.js';
import { FillsService } from './modules/fills/fills.service.js';
import { PumpEventsController } from './modules/pump-events/pump-events.controller.js';
import { PumpEventsService } from './modules/pump-events/pump-events.service.js';
import { FlagEvaluator } from './modules/flags/flag-evaluator.js';
import { FlagScheduler } from './modules/flags/flag-scheduler.js';
import { FlagsController } from './modules/flags/flags.controller.js';
import { FlagsService } from './modules/flags/flags.service.js';
import { HealthController } from './modules/health/health.controller.js';
import { PatientsController } from './modules/patients/patients.controller.js';
import { PatientsRepository } from './modules/patients/patients.repository.js';
import { PatientsService } from './modules/patients/patients.service.js';
import { PumpsController } from './modules/pumps/pumps.controller.js';
import { PumpsRepository } from './modules/pumps/pumps.repository.js';
import { PumpsService } from './modules/pumps/pumps.service.js';
import { UsersController } from './modules/users/users.controller.js';
import { UsersService } from './modules/users/users.service.js';
import { APP_DATABASE_URL } from './database/app-database-url.js';
import { MessagePlanner } from './modules/messages/message-planner.js';
import { MessageQueue } from './modules/messages/message-queue.js';
import { MessageScheduler } from './modules/messages/message-scheduler.js';
import { MessageSender } from './modules/messages/message-sender.js';
import { MessagesController } from './modules/messages/messages.controller.js';
import { MessagesService } from './modules/messages/messages.service.js';
import { StaffTasksController } from './modules/staff-tasks/staff-tasks.controller.js';

/** Every controller the API serves; the OpenAPI document is built from the same list. */
export const CONTROLLERS = [
  AuthController,
  PasswordsController,
  HealthController,
  UsersController,
  ClinicsController,
  PatientsController,
  PumpsController,
  FillsController,
  DoseAdjustmentsController,
  PumpEventsController,
  FlagsController,
  AppointmentsController,
  RefillQueueController,
  ReplacementWorklistController,
  ReportsController,
  TimelineController,
  EmergencyCardController,
  RefillWorksheetsController,
  PumpHistoryController,
  AuditController,
  MessagesController,
  StaffTasksController,
  CalendarFeedsController,
  CalendarIcsController,
  ApiTokensController,
  FhirController,
];

@Module({})
export class AppModule {
  /** `replicaUrls`: the read replicas' logins that answered at start-up (create-app.ts). */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    clock: Clock = new Clock(),
    replicaUrls: string[] = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(appDataSourceOptions(databaseUrl, replicaUrls))],
      controllers: [...CONTROLLERS],
      providers: [
        { provide: AppConfigToken, useValue: config },
        { provide: APP_DATABASE_URL, useValue: databaseUrl },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        IdempotencyStore,
        StaleReads,
        { provide: Clock, useValue: clock },
        AuditService,
        SessionsService,
        PasswordsService,
        LoginThrottleService,
        AuthService,
        UsersService,
        ClinicsService,
        PatientsRepository,
        PatientsService,
        PumpsRepository,
        PumpsService,
        FillsService,
        DoseAdjustmentsService,
        PumpEventsService,
        FlagEvaluator,
        FlagScheduler,
        FlagsService,
        AppointmentsService,
        RefillQueueService,
        ReplacementWorklistService,
        OverdueReportService,
        ReportPatientsService,
        TimelineService,
        EmergencyCardService,
        RefillWorksheetsService,
        PumpHistoryRepository,
        PumpHistoryService,
        MessageQueue,
        MessageSender,
        MessagePlanner,
        MessageScheduler,
        MessagesService,
        CalendarFeedLimits,
        CalendarFeedsService,
        ApiTokensService,
        FhirRepository,
        FhirService,
      ],
    };
  }
}
