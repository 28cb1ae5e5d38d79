import { Injectable } from '@nestjs/common';
import type { ClinicResponse, UpdateClinicRequest } from '@itb/contracts';
import type { ClinicSchedule } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicEntity } from './clinic.entity.js';
import { moveClinicDates, recomputeRefillBy } from './clinic-reschedule.js';

export const toClinicResponse = (c: ClinicEntity): ClinicResponse => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  clinicDays: c.clinicDays,
  refillLeadDays: c.refillLeadDays,
  dueSoonWindowDays: c.dueSoonWindowDays,
  maxDrugDaysInPump: c.maxDrugDaysInPump,
  emergencyPhone: c.emergencyPhone,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  slotsPerDay: c.slotsPerDay,
  reminderDaysBefore: c.reminderDaysBefore,
  messagesAt: c.messagesAt,
  version: c.version,
});

export const scheduleOf = (c: ClinicEntity): ClinicSchedule => ({
  timeZone: c.timeZone,
  refillLeadDays: c.refillLeadDays,
  maxDrugDaysInPump: c.maxDrugDaysInPump,
});

/** The settings a stored refill-by date is computed from (libs/domain refillByDate). */
const SCHEDULE_KEYS = ['timeZone', 'refillLeadDays', 'maxDrugDaysInPump'] as const;

@Injectable()
export class ClinicsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(clinicId: string, m: EntityManager = this.dataSource.manager): Promise<ClinicEntity> {
    const clinic = await m.findOneBy(ClinicEntity, { id: clinicId });
    if (!clinic) throw AppError.notFound('Clinic');
    return clinic;
  }

  async update(actor: SessionUser, input: UpdateClinicRequest): Promise<ClinicResponse> {
    if (input.timeZone !== undefined) await this.assertDatabaseKnowsZone(input.timeZone);
    return this.dataSource.transaction(async (m) => {
      const clinic = await this.get(actor.clinicId, m);
      if (clinic.version !== input.version) throw AppError.stale('clinic');
      const before = toClinicResponse(clinic);
      const { version: _version, ...changes } = input;
      Object.assign(clinic, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      // Stored largest first: the reminder pass pairs each offset with the next smaller one.
      clinic.reminderDaysBefore = [...clinic.reminderDaysBefore].sort((a, b) => b - a);
      const saved = await m.save(clinic);
      // Stored clinic dates and refill-by dates follow the clinic's calendar, in this transaction.
      if (saved.timeZone !== before.timeZone) await moveClinicDates(m, clinic.id, before.timeZone, saved.timeZone);
      if (SCHEDULE_KEYS.some((key) => before[key] !== saved[key]))
        await recomputeRefillBy(m, clinic.id, scheduleOf(saved));
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'clinic.update',
        entityType: 'clinic',
        entityId: clinic.id,
        before,
        after: toClinicResponse(saved),
      });
      return toClinicResponse(saved);
    });
  }

  /**
   * Every refill, implant and report of the clinic does its calendar arithmetic in Postgres with this
   * zone, so the database's own list decides: a name this runtime accepts but Postgres does not
   * (`US/Pacific-New`, dropped from tzdata in 2020) would make each of them fail.
   */
  private async assertDatabaseKnowsZone(timeZone: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS "isKnown"`,
      [timeZone],
    )) as [{ isKnown: boolean }];
    if (!row.isKnown) {
      throw AppError.validation('timeZone', 'is not a time zone the database knows; choose one such as Europe/London');
    }
  }
}
