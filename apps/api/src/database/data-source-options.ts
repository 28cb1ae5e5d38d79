import type { DataSourceOptions } from 'typeorm';
import { APPLICATION_NAME } from '../common/instance-id.js';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema.js';
import { DoseAdjustmentsEventsIdempotency1764100000000 } from './migrations/1764100000000-dose-adjustments-events-idempotency.js';
import { FlagsAppointmentsJobTicks1764200000000 } from './migrations/1764200000000-flags-appointments-job-ticks.js';
import { SchedulingQueueReports1764300000000 } from './migrations/1764300000000-scheduling-queue-reports.js';
import { FlagLookupByPump1764400000000 } from './migrations/1764400000000-flag-lookup-by-pump.js';
import { BolusEvents1764500000000 } from './migrations/1764500000000-bolus-events.js';
import { ClinicalSafety1764600000000 } from './migrations/1764600000000-clinical-safety.js';
import { PatientCautionsMedicines1764610000000 } from './migrations/1764610000000-patient-cautions-medicines.js';
import { IdempotencyClaimOwner1764620000000 } from './migrations/1764620000000-idempotency-claim-owner.js';
import { LoginLimits1764630000000 } from './migrations/1764630000000-login-limits.js';
import { UserInvitations1764640000000 } from './migrations/1764640000000-user-invitations.js';
import { ReportDueIndex1764650000000 } from './migrations/1764650000000-report-due-index.js';
import { ClinicCapacityCancelReason1764660000000 } from './migrations/1764660000000-clinic-capacity-cancel-reason.js';
import { ReadPathIndexes1764700000000 } from './migrations/1764700000000-read-path-indexes.js';
import { RemindersOutbox1764710000000 } from './migrations/1764710000000-reminders-outbox.js';
import { ApiTokens1764720000000 } from './migrations/1764720000000-api-tokens.js';
import { CalendarFeeds1764730000000 } from './migrations/1764730000000-calendar-feeds.js';
import { ReportKeptCounts1764760000000 } from './migrations/1764760000000-report-kept-counts.js';
import { FlagTenancyKeys1764775000000 } from './migrations/1764775000000-flag-tenancy-keys.js';
import { AuditChangeMark1764790000000 } from './migrations/1764790000000-audit-change-mark.js';
import { AuditChangeMarkWithoutFlags1764800000000 } from './migrations/1764800000000-audit-change-mark-without-flags.js';
import { PumpsChangedSince1764810000000 } from './migrations/1764810000000-pumps-changed-since.js';
import { ReportCountsCoveringIndexes1764820000000 } from './migrations/1764820000000-report-counts-covering-indexes.js';
import { ReportAlarmCountsBucketKey1764830000000 } from './migrations/1764830000000-report-alarm-counts-bucket-key.js';

export const MIGRATIONS = [
  InitialSchema1764000000000,
  DoseAdjustmentsEventsIdempotency1764100000000,
  FlagsAppointmentsJobTicks1764200000000,
  SchedulingQueueReports1764300000000,
  FlagLookupByPump1764400000000,
  BolusEvents1764500000000,
  ClinicalSafety1764600000000,
  PatientCautionsMedicines1764610000000,
  IdempotencyClaimOwner1764620000000,
  LoginLimits1764630000000,
  UserInvitations1764640000000,
  ReportDueIndex1764650000000,
  ClinicCapacityCancelReason1764660000000,
  ReadPathIndexes1764700000000,
  RemindersOutbox1764710000000,
  ApiTokens1764720000000,
  CalendarFeeds1764730000000,
  ReportKeptCounts1764760000000,
  FlagTenancyKeys1764775000000,
  AuditChangeMark1764790000000,
  AuditChangeMarkWithoutFlags1764800000000,
  PumpsChangedSince1764810000000,
  ReportCountsCoveringIndexes1764820000000,
  ReportAlarmCountsBucketKey1764830000000,
];

/**
 * Schema comes from migrations only: `synchronize` stays off everywhere. This folder stands below the
 * modules and knows none of their entities; `app-data-source.ts` adds them for the application.
 *
 * With `replicaUrls`, TypeORM's replication: every query, find, transaction and `dataSource.query()`
 * still goes to `url` (the primary); only a query runner made in 'slave' mode, which `StaleReads` alone
 * makes, reads from a replica (one picked at random per runner), each with a pool as big as the primary's.
 */
export function dataSourceOptions(url: string, replicaUrls: string[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    ...(replicaUrls.length
      ? // defaultMode 'master': TypeORM would otherwise send every find() and query builder SELECT to a
        // replica, the reads inside writes and the session checks included.
        { replication: { master: { url }, slaves: replicaUrls.map((u) => ({ url: u })), defaultMode: 'master' } }
      : { url }),
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    // Names this process in pg_stat_activity: an idempotency claim whose owner has no connection left
    // belongs to a process that died (see IdempotencyStore).
    applicationName: APPLICATION_NAME,
    // A connection attempt to a database that is down or unreachable fails within 5 s (answered as
    // 503 DATABASE_UNAVAILABLE) instead of hanging; broken connections are dropped by the pool and
    // new ones made on demand, so the API recovers by itself when the database returns.
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
