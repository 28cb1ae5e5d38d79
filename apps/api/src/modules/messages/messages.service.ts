import { Injectable } from '@nestjs/common';
import {
  LETTER_BATCH_MAX,
  MESSAGE_STATUSES,
  type MessageListQuery,
  type MessageResponse,
  type MessageStatus,
  type MessageSummary,
  type Page,
} from '@itb/contracts';
import { formatDateText, toLocalDate } from '@itb/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { lettersPdf } from './letters.pdf.js';
import { MessageQueue } from './message-queue.js';
import { MessageSender } from './message-sender.js';

interface MessageRow {
  id: string;
  kind: MessageResponse['kind'];
  channel: MessageResponse['channel'];
  recipient: string;
  patient_id: string | null;
  mrn: string | null;
  patient_name: string | null;
  staff_name: string | null;
  subject: string;
  body: string;
  reason: string;
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  printed_at: Date | null;
}

const SELECT_MESSAGE = `
  SELECT m.id, m.kind, m.channel, m.recipient, m.patient_id, p.mrn,
         CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS patient_name,
         u.name AS staff_name, m.subject, m.body, m.reason, m.status, m.attempts, m.last_error,
         m.created_at, m.sent_at, m.printed_at
    FROM messages m
    LEFT JOIN patients p ON p.id = m.patient_id
    LEFT JOIN users u ON u.id = m.user_id`;

const toResponse = (r: MessageRow): MessageResponse => ({
  id: r.id,
  kind: r.kind,
  channel: r.channel,
  recipient: r.recipient,
  patient: r.patient_id ? { id: r.patient_id, mrn: r.mrn ?? '', name: r.patient_name ?? '' } : null,
  staffName: r.staff_name,
  subject: r.subject,
  body: r.body,
  reason: r.reason,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
  printedAt: r.printed_at?.toISOString() ?? null,
});

/** Statuses an administrator may send again: anything that is not on its way already. */
const RESENDABLE: readonly MessageStatus[] = ['held', 'sent', 'failed', 'sending'];

/** The administrator's outbox: what went out or is waiting, the letter batch, and re-sending. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MessageQueue,
    private readonly sender: MessageSender,
    private readonly audit: AuditService,
    private readonly clinics: ClinicsService,
    private readonly clock: Clock,
  ) {}

  async list(clinicId: string, query: MessageListQuery): Promise<Page<MessageResponse>> {
    const params: unknown[] = [clinicId];
    const where = ['m.clinic_id = $1'];
    if (query.status) where.push(`m.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`m.kind = $${params.push(query.kind)}`);
    const after = decodeCursor(query.cursor, 2, 'messages');
    if (after) {
      where.push(
        `(m.created_at, m.id) < ($${params.push(String(after[0]))}::timestamptz, $${params.push(String(after[1]))}::uuid)`,
      );
    }
    const rows = (await this.dataSource.query(
      `${SELECT_MESSAGE} WHERE ${where.join(' AND ')}
       ORDER BY m.created_at DESC, m.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as MessageRow[];
    const items = rows.slice(0, query.limit).map(toResponse);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id], 'messages') : null,
    };
  }

  async summary(clinicId: string): Promise<MessageSummary> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM messages WHERE clinic_id = $1 GROUP BY status`,
      [clinicId],
    )) as { status: MessageStatus; n: number }[];
    const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
    for (const r of rows) counts[r.status] = r.n;
    return { canSendEmail: this.sender.canSend, counts };
  }

  /** Queues an e-mail again, or puts a printed letter back in the next batch. Audited with the admin's name. */
  async resend(actor: SessionUser, id: string, reason: string | null): Promise<MessageResponse> {
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `SELECT channel, status, patient_id FROM messages WHERE id = $1 AND clinic_id = $2 FOR UPDATE`,
        [id, actor.clinicId],
      )) as { channel: 'email' | 'letter'; status: MessageStatus; patient_id: string | null }[];
      if (!row) throw AppError.notFound('Message');
      let next: MessageStatus;
      if (row.channel === 'letter') {
        if (row.status !== 'printed') throw AppError.rule('status', 'is already in the next letter batch');
        next = 'to_print';
      } else {
        if (!this.sender.canSend) {
          throw new AppError('CONFLICT', 'No mail server is configured (SMTP_URL): e-mails stay in the outbox');
        }
        if (!RESENDABLE.includes(row.status)) throw AppError.rule('status', 'is already on its way');
        next = 'queued';
      }
      await m.query(`UPDATE messages SET status = $2, attempts = 0, last_error = NULL WHERE id = $1`, [id, next]);
      if (next === 'queued') await this.queue.enqueue(m, id);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'message.resend',
        entityType: 'message',
        entityId: id,
        patientId: row.patient_id,
        before: { status: row.status },
        after: { status: next },
        reason,
      });
      const [saved] = (await m.query(`${SELECT_MESSAGE} WHERE m.id = $1`, [id])) as MessageRow[];
      return toResponse(saved as MessageRow);
    });
  }

  /** Every letter waiting to print, oldest first, as one PDF (a page each); the download is audited. */
  async letterBatch(actor: SessionUser): Promise<{ pdf: Uint8Array; ids: string[] }> {
    const clinic = await this.clinics.get(actor.clinicId);
    const rows = (await this.dataSource.query(
      `SELECT id, recipient, subject, body FROM messages
        WHERE clinic_id = $1 AND status = 'to_print' ORDER BY created_at, id LIMIT $2`,
      [actor.clinicId, LETTER_BATCH_MAX],
    )) as { id: string; recipient: string; subject: string; body: string }[];
    if (rows.length === 0) throw AppError.rule('letters', 'none are waiting to be printed');
    const date = formatDateText(toLocalDate(this.clock.now(), clinic.timeZone));
    const pdf = await lettersPdf(rows.map((r) => ({ ...r, date, clinicName: clinic.name })));
    await this.audit.record(this.dataSource.manager, {
      clinicId: actor.clinicId,
      actorId: actor.id,
      action: 'message.letters_export',
      entityType: 'message',
      entityId: rows[0]?.id ?? '',
      after: { letters: rows.length, messageIds: rows.map((r) => r.id) },
    });
    return { pdf, ids: rows.map((r) => r.id) };
  }

  /** After the batch is printed and posted: those letters leave the queue. Only `to_print` ones change. */
  async markPrinted(actor: SessionUser, ids: readonly string[]): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE messages SET status = 'printed', printed_at = $3, printed_by = $4
          WHERE clinic_id = $1 AND id = ANY ($2::uuid[]) AND status = 'to_print' RETURNING id, patient_id`,
        [actor.clinicId, ids, this.clock.now(), actor.id],
      )) as [{ id: string; patient_id: string }[], number];
      for (const row of rows) {
        await this.audit.record(m, {
          clinicId: actor.clinicId,
          actorId: actor.id,
          action: 'message.printed',
          entityType: 'message',
          entityId: row.id,
          patientId: row.patient_id,
          after: { status: 'printed' },
        });
      }
      return rows.length;
    });
  }
}
