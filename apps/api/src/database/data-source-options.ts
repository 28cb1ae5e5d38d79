import type { DataSourceOptions } from 'typeorm';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { ClinicEntity } from '../modules/clinics/clinic.entity.js';
import { PatientEntity } from '../modules/patients/patient.entity.js';
import { FillEntity } from '../modules/pumps/fill.entity.js';
import { PumpEntity } from '../modules/pumps/pump.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema.js';
import { DoseAdjustmentsEventsIdempotency1764100000000 } from './migrations/1764100000000-dose-adjustments-events-idempotency.js';
import { FlagsAppointmentsJobTicks1764200000000 } from './migrations/1764200000000-flags-appointments-job-ticks.js';
import { SchedulingQueueReports1764300000000 } from './migrations/1764300000000-scheduling-queue-reports.js';
import { FlagLookupByPump1764400000000 } from './migrations/1764400000000-flag-lookup-by-pump.js';
import { BolusEvents1764500000000 } from './migrations/1764500000000-bolus-events.js';
import { ClinicalSafety1764600000000 } from './migrations/1764600000000-clinical-safety.js';
import { DoseAdjustmentEntity } from '../modules/dose-adjustments/dose-adjustment.entity.js';
import { PumpEventEntity } from '../modules/pump-events/pump-event.entity.js';

export const ENTITIES = [
  ClinicEntity,
  UserEntity,
  PatientEntity,
  PumpEntity,
  FillEntity,
  DoseAdjustmentEntity,
  PumpEventEntity,
  AuditEventEntity,
];
export const MIGRATIONS = [
  InitialSchema1764000000000,
  DoseAdjustmentsEventsIdempotency1764100000000,
  FlagsAppointmentsJobTicks1764200000000,
  SchedulingQueueReports1764300000000,
  FlagLookupByPump1764400000000,
  BolusEvents1764500000000,
  ClinicalSafety1764600000000,
];

/** Schema comes from migrations only: `synchronize` stays off everywhere. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10 },
  };
}
