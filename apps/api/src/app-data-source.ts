import type { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './database/data-source-options.js';
import { AuditEventEntity } from './modules/audit/audit-event.entity.js';
import { ClinicEntity } from './modules/clinics/clinic.entity.js';
import { DoseAdjustmentEntity } from './modules/dose-adjustments/dose-adjustment.entity.js';
import { PatientEntity } from './modules/patients/patient.entity.js';
import { PumpEventEntity } from './modules/pump-events/pump-event.entity.js';
import { FillEntity } from './modules/pumps/fill.entity.js';
import { PumpEntity } from './modules/pumps/pump.entity.js';
import { UserEntity } from './modules/users/user.entity.js';

/** The modules' entities; the rest of the schema is read and written with SQL. */
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

/** The database's connection (and read replicas) and migrations (`database/`) with the modules' entities on top. */
export function appDataSourceOptions(url: string, replicaUrls: string[] = []): DataSourceOptions {
  return { ...dataSourceOptions(url, replicaUrls), entities: ENTITIES };
}
