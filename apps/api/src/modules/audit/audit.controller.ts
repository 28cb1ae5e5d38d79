import { Controller, Get, Query } from '@nestjs/common';
import { pageQuerySchema, type Page } from '@itb/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Allow, CurrentUser } from '../../common/access.decorators.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { ZodPipe } from '../../common/zod-body.pipe.js';
import { AuditEventEntity } from './audit-event.entity.js';

const auditQuerySchema = pageQuerySchema.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  patientId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(60).optional(),
});
type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEventResponse {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  patientId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  occurredAt: string;
}

@Controller('audit-events')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset by id. */
  @Get()
  @Allow('admin')
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(auditQuerySchema)) query: AuditQuery,
  ): Promise<Page<AuditEventResponse>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(AuditEventEntity, 'a')
      .where('a.clinic_id = :clinicId', { clinicId: user.clinicId })
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1);
    for (const key of ['entityType', 'entityId', 'patientId', 'actorId', 'action'] as const) {
      if (query[key]) qb.andWhere(`a.${key} = :${key}`, { [key]: query[key] });
    }
    const after = decodeCursor(query.cursor, 1);
    if (after) qb.andWhere('a.id < :afterId', { afterId: String(after[0]) });
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString() })),
      nextCursor: rows.length > query.limit && items.length ? encodeCursor([items[items.length - 1]!.id]) : null,
    };
  }
}
