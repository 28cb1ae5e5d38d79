import { Injectable } from '@nestjs/common';
import type { PumpEventRequest, PumpEventResponse } from '@itb/contracts';
import { type ClinicSchedule, project, roundTo, toLocalDate, volumeAt } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicsService, scheduleOf } from '../clinics/clinics.service.js';
import type { PumpEntity } from '../pumps/pump.entity.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { isBolusEvent } from './bolus-events.js';
import { PumpEventEntity } from './pump-event.entity.js';

const toResponse = (e: PumpEventEntity): PumpEventResponse => ({
  id: e.id,
  pumpId: e.pumpId,
  type: e.type,
  occurredAt: e.occurredAt.toISOString(),
  volumeMl: e.volumeMl,
  recordedById: e.recordedBy,
  notes: e.notes,
  createdAt: e.createdAt.toISOString(),
});

@Injectable()
export class PumpEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly flags: FlagEvaluator,
    private readonly clinics: ClinicsService,
  ) {}

  async list(clinicId: string, pumpId: string): Promise<PumpEventResponse[]> {
    await this.pumps.findInClinic(this.dataSource.manager, clinicId, pumpId);
    const events = await this.dataSource.manager.find(PumpEventEntity, {
      where: { pumpId },
      order: { occurredAt: 'DESC' },
    });
    return events.map(toResponse);
  }

  async record(actor: SessionUser, pumpId: string, input: PumpEventRequest): Promise<PumpEventResponse> {
    return this.dataSource.transaction(async (m) => {
      const pump = await this.pumps.lockAtVersion(m, actor.clinicId, pumpId, input.pumpVersion);
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt > this.clock.now()) throw AppError.validation('occurredAt', 'cannot be in the future');
      const clinic = await this.clinics.get(actor.clinicId, m);
      if (toLocalDate(occurredAt, clinic.timeZone) < pump.implantedOn) {
        throw AppError.rule('occurredAt', 'cannot be before the implant date');
      }
      if (input.volumeMl !== undefined) await this.checkBolus(m, pump, occurredAt, input.volumeMl);
      const event = await m.save(
        m.create(PumpEventEntity, {
          clinicId: actor.clinicId,
          pumpId,
          type: input.type,
          occurredAt,
          recordedBy: actor.id,
          volumeMl: input.volumeMl ?? null,
          notes: input.notes ?? null,
        }),
      );
      if (isBolusEvent(event.type)) await this.reproject(m, pump, scheduleOf(clinic));
      // Every event moves the pump's version, so a form opened before it is stale (two writes, one stored).
      await this.pumps.saveVersioned(m, pump, input.pumpVersion);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'pump_event.create',
        entityType: 'pump_event',
        entityId: event.id,
        patientId: pump.patientId,
        after: { type: event.type, occurredAt: event.occurredAt, volumeMl: event.volumeMl, pumpId },
      });
      await this.flags.evaluatePump(m, pumpId, { actorId: actor.id, reason: `Pump event recorded: ${event.type}` });
      return toResponse(event);
    });
  }

  /** A bolus belongs to the current fill and cannot take more than the reservoir holds at that moment. */
  private async checkBolus(m: EntityManager, pump: PumpEntity, at: Date, volumeMl: number): Promise<void> {
    const state = pump.status === 'active' ? await this.pumps.stateOf(m, pump) : null;
    if (!state) throw AppError.rule('type', 'a bolus needs an active pump with a fill');
    if (at <= state.fill.performedAt) throw AppError.rule('occurredAt', 'must be after the current fill');
    const available = roundTo(volumeAt(state.drain, at), 2);
    if (volumeMl > available) {
      throw AppError.rule('volumeMl', `must be at most the ${available} mL the reservoir held then`);
    }
  }

  /** The bolus drained the reservoir: the projection moves with it (saved by the caller). */
  private async reproject(m: EntityManager, pump: PumpEntity, schedule: ClinicSchedule): Promise<void> {
    const state = await this.pumps.stateOf(m, pump);
    if (!state) return;
    const projection = project(state.drain, pump.alarmMl, schedule, this.clock.now());
    Object.assign(pump, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
  }
}
