import { Injectable } from '@nestjs/common';
import type { PumpEventRequest, PumpEventResponse } from '@itb/contracts';
import { toLocalDate } from '@itb/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { PumpEventEntity } from './pump-event.entity.js';

const toResponse = (e: PumpEventEntity): PumpEventResponse => ({
  id: e.id,
  pumpId: e.pumpId,
  type: e.type,
  occurredAt: e.occurredAt.toISOString(),
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
      const pump = await this.pumps.findInClinic(m, actor.clinicId, pumpId);
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt > this.clock.now()) throw AppError.validation('occurredAt', 'cannot be in the future');
      const { timeZone } = await this.clinics.get(actor.clinicId, m);
      if (toLocalDate(occurredAt, timeZone) < pump.implantedOn) {
        throw AppError.rule('occurredAt', 'cannot be before the implant date');
      }
      const event = await m.save(
        m.create(PumpEventEntity, {
          clinicId: actor.clinicId,
          pumpId,
          type: input.type,
          occurredAt,
          recordedBy: actor.id,
          notes: input.notes ?? null,
        }),
      );
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'pump_event.create',
        entityType: 'pump_event',
        entityId: event.id,
        patientId: pump.patientId,
        after: { type: event.type, occurredAt: event.occurredAt, pumpId },
      });
      await this.flags.evaluatePump(m, pumpId, { actorId: actor.id, reason: `Pump event recorded: ${event.type}` });
      return toResponse(event);
    });
  }
}
