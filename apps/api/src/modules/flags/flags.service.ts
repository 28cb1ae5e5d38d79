import { Injectable } from '@nestjs/common';
import {
  type AcknowledgeFlagRequest,
  type BulkAcknowledgeFlagsRequest,
  CLINICAL_SIGN_LABELS,
  FLAG_CODE_LABELS,
  type FlagListQuery,
  type FlagResponse,
  type ManualFlagRequest,
  type Page,
  type ResolveFlagRequest,
  SIGN_KIND_LABELS,
} from '@itb/contracts';
import { MANUAL_FLAG_SEVERITY, MANUALLY_RESOLVED_RULES, SEVERITY_RANK, type RiskRuleCode } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { PatientsRepository } from '../patients/patients.repository.js';
import { type FlagRow, FLAG_SELECT, toFlagResponse } from './flag-mappers.js';

@Injectable()
export class FlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly patients: PatientsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Keyset page, most severe first, then newest. Defaults to the flags still needing attention
   * (open and acknowledged); the unresolved ones are served by a partial index.
   */
  async list(clinicId: string, query: FlagListQuery): Promise<Page<FlagResponse>> {
    const statuses = query.status ?? ['open', 'acknowledged'];
    const params: unknown[] = [clinicId, statuses];
    const where = ['f.clinic_id = $1', 'f.status = ANY($2::text[])'];
    if (!statuses.includes('resolved')) where.push(`f.status <> 'resolved'`);
    if (query.severity) where.push(`f.severity = ANY($${params.push(query.severity)}::text[])`);
    if (query.code) where.push(`f.code = ANY($${params.push(query.code)}::text[])`);
    if (query.patientId) where.push(`f.patient_id = $${params.push(query.patientId)}`);
    const after = decodeCursor(query.cursor, 3, 'flags');
    if (after) {
      const [rank, raisedAt, id] = after;
      where.push(
        `(f.severity_rank, f.raised_at, f.id) < ($${params.push(rank)}::smallint, $${params.push(raisedAt)}::timestamptz, $${params.push(id)}::uuid)`,
      );
    }
    const rows = (await this.dataSource.query(
      `${FLAG_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY f.severity_rank DESC, f.raised_at DESC, f.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as FlagRow[];
    const items = rows.slice(0, query.limit).map(toFlagResponse);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([SEVERITY_RANK[last.severity], last.raisedAt, last.id], 'flags')
          : null,
    };
  }

  async get(clinicId: string, id: string): Promise<FlagResponse> {
    return toFlagResponse(await this.findRow(this.dataSource.manager, clinicId, id));
  }

  /**
   * A clinician's record of withdrawal or overdose signs: both critical (CLINICAL.md "Withdrawal";
   * "Overdose, withdrawal signs and interactions").
   */
  async raiseManual(actor: SessionUser, patientId: string, input: ManualFlagRequest): Promise<FlagResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.patients.findInClinic(m, actor.clinicId, patientId);
      const { kind } = input;
      const signs = [...new Set(input.signs)];
      const summary = `${SIGN_KIND_LABELS[kind]}: ${signs.map((s) => CLINICAL_SIGN_LABELS[s]).join(', ')}. ${input.note}`;
      const [{ id }] = (await m.query(
        `INSERT INTO flags (clinic_id, patient_id, pump_id, code, severity, raised_at, raised_by, details)
         VALUES ($1, $2, (SELECT id FROM pumps WHERE patient_id = $2 AND status = 'active'), 'manual', $6, $3, $4, $5)
         RETURNING id`,
        [actor.clinicId, patientId, this.clock.now(), actor.id, { summary, kind, signs }, MANUAL_FLAG_SEVERITY],
      )) as [{ id: string }];
      const flag = toFlagResponse(await this.findRow(m, actor.clinicId, id));
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'flag.raise',
        entityType: 'flag',
        entityId: id,
        patientId,
        after: { code: 'manual', severity: MANUAL_FLAG_SEVERITY, status: 'open', kind, signs },
      });
      return flag;
    });
  }

  async acknowledge(actor: SessionUser, id: string, input: AcknowledgeFlagRequest): Promise<FlagResponse> {
    return this.dataSource.transaction((m) => this.acknowledgeIn(m, actor, id, input.note));
  }

  /**
   * Acknowledges several open flags with one note, in one transaction: every one or none. The rows are
   * locked in id order, so two selections that overlap cannot deadlock; a refusal names `ids.N`.
   */
  async acknowledgeMany(actor: SessionUser, input: BulkAcknowledgeFlagsRequest): Promise<FlagResponse[]> {
    return this.dataSource.transaction(async (m) => {
      const order = input.ids.map((id, index) => ({ id, index })).sort((a, b) => a.id.localeCompare(b.id));
      const done = new Map<string, FlagResponse>();
      for (const { id, index } of order) {
        try {
          done.set(id, await this.acknowledgeIn(m, actor, id, input.note));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const field = `ids.${index}`;
          const message =
            error.code === 'NOT_FOUND' ? 'is not a flag of this clinic' : (error.details[0]?.message ?? error.message);
          throw new AppError(error.code, `${field} ${message}`, [{ field, message }]);
        }
      }
      return input.ids.map((id) => done.get(id)!);
    });
  }

  private async acknowledgeIn(
    m: EntityManager,
    actor: SessionUser,
    id: string,
    note: string | undefined,
  ): Promise<FlagResponse> {
    const before = toFlagResponse(await this.findRow(m, actor.clinicId, id, true));
    if (before.status !== 'open') {
      throw new AppError('CONFLICT', `This flag is already ${before.status}`, [
        { field: 'status', message: `is ${before.status}` },
      ]);
    }
    await m.query(
      `UPDATE flags SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3, acknowledged_note = $4,
         version = version + 1 WHERE id = $1`,
      [id, actor.id, this.clock.now(), note ?? null],
    );
    const after = toFlagResponse(await this.findRow(m, actor.clinicId, id));
    await this.audit.record(m, {
      clinicId: actor.clinicId,
      actorId: actor.id,
      action: 'flag.acknowledge',
      entityType: 'flag',
      entityId: id,
      patientId: before.patientId,
      before: { status: before.status },
      after: { status: after.status, note: note ?? null },
      // The note is why it was acknowledged: the audit log shows it on the row.
      reason: note ?? null,
    });
    return after;
  }

  /**
   * Resolution by hand, with a note: for manual flags and the rules that never clear themselves.
   * Other rule flags resolve when their condition clears; resolving them by hand would only hide them
   * until the next evaluation raised them again.
   */
  async resolve(actor: SessionUser, id: string, input: ResolveFlagRequest): Promise<FlagResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = toFlagResponse(await this.findRow(m, actor.clinicId, id, true));
      if (before.status === 'resolved') {
        throw new AppError('CONFLICT', 'This flag is already resolved', [{ field: 'status', message: 'is resolved' }]);
      }
      if (before.code !== 'manual' && !MANUALLY_RESOLVED_RULES.includes(before.code as RiskRuleCode)) {
        throw AppError.rule(
          'code',
          `${FLAG_CODE_LABELS[before.code]} resolves itself when its condition clears; acknowledge it instead`,
        );
      }
      await m.query(
        `UPDATE flags SET status = 'resolved', resolved_by = $2, resolved_at = $3, resolved_note = $4,
           resolution = 'manual', version = version + 1 WHERE id = $1`,
        [id, actor.id, this.clock.now(), input.note],
      );
      const after = toFlagResponse(await this.findRow(m, actor.clinicId, id));
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'flag.resolve',
        entityType: 'flag',
        entityId: id,
        patientId: before.patientId,
        before: { status: before.status },
        after: { status: 'resolved', resolution: 'manual' },
        reason: input.note,
      });
      return after;
    });
  }

  private async findRow(m: EntityManager, clinicId: string, id: string, lock = false): Promise<FlagRow> {
    if (lock) await m.query(`SELECT 1 FROM flags WHERE id = $1 AND clinic_id = $2 FOR UPDATE`, [id, clinicId]);
    const [row] = (await m.query(`${FLAG_SELECT} WHERE f.id = $1 AND f.clinic_id = $2`, [id, clinicId])) as FlagRow[];
    if (!row) throw AppError.notFound('Flag');
    return row;
  }
}
