import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../../common/request-context.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditEntry {
  clinicId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  patientId?: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

/** Writes audit rows inside the caller's transaction, so a change and its record land together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEventEntity, {
      clinicId: entry.clinicId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      patientId: entry.patientId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
      requestId: requestContext.requestId() ?? null,
    });
  }
}
