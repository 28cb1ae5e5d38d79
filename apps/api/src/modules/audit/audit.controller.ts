import { Controller, Get, Query } from '@nestjs/common';
import {
  type AuditEventResponse,
  type AuditQuery,
  auditQuerySchema,
  type Page,
  auditEventResponseSchema,
  pageOf,
} from '@itb/contracts';
import { DataSource } from 'typeorm';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  patient_id: string | null;
  patient_name: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  occurred_at: Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@DocumentedTag('Audit', 'Who changed what and when, newest first.')
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clinics: ClinicsService,
  ) {}

  /** Newest first, keyset by id; dates are the clinic's. Administrators only. */
  @Documented({
    operationId: 'listAuditEvents',
    summary: 'List audit events',
    response: pageOf(auditEventResponseSchema),
  })
  @Get()
  @Allow('admin')
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(auditQuerySchema)) query: AuditQuery,
  ): Promise<Page<AuditEventResponse>> {
    const { timeZone } = await this.clinics.get(user.clinicId);
    const params: unknown[] = [user.clinicId];
    const where = ['a.clinic_id = $1'];
    if (query.actorId) where.push(`a.actor_id = $${params.push(query.actorId)}`);
    if (query.patientId) where.push(`a.patient_id = $${params.push(query.patientId)}`);
    if (query.entityType) where.push(`a.entity_type = $${params.push(query.entityType)}`);
    if (query.entityId) where.push(`a.entity_id = $${params.push(query.entityId)}`);
    if (query.action) {
      where.push(
        query.action.endsWith('.')
          ? `a.action LIKE $${params.push(`${escapeLike(query.action)}%`)}`
          : `a.action = $${params.push(query.action)}`,
      );
    }
    if (query.from) {
      where.push(
        `a.occurred_at >= ($${params.push(query.from)}::date::timestamp AT TIME ZONE $${params.push(timeZone)})`,
      );
    }
    if (query.to) {
      where.push(
        `a.occurred_at < (($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE $${params.push(timeZone)})`,
      );
    }
    const after = decodeCursor(query.cursor, 1, 'audit');
    if (after) where.push(`a.id < $${params.push(String(after[0]))}::bigint`);
    const rows = (await this.dataSource.query(
      `SELECT a.id::text, a.actor_id, u.name AS actor_name, a.action, a.entity_type, a.entity_id, a.patient_id,
              CASE WHEN pt.id IS NULL THEN NULL ELSE pt.family_name || ', ' || pt.given_name END AS patient_name,
              a.before, a.after, a.reason, a.request_id, a.occurred_at
       FROM audit_events a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN patients pt ON pt.id = a.patient_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as AuditRow[];
    const items = rows.slice(0, query.limit).map((a): AuditEventResponse => ({
      id: a.id,
      actorId: a.actor_id,
      actorName: a.actor_name,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      patientId: a.patient_id,
      patientName: a.patient_name,
      before: a.before,
      after: a.after,
      reason: a.reason,
      requestId: a.request_id,
      occurredAt: a.occurred_at.toISOString(),
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id], 'audit') : null };
  }
}
