import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { AuditService } from '../audit/audit.service.js';
import { MAX_SEND_ATTEMPTS } from './message-queue.config.js';
import { MessageQueue, type SendJob } from './message-queue.js';

interface ClaimedMessage {
  id: string;
  clinic_id: string;
  patient_id: string | null;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends queued e-mails over SMTP (`SMTP_URL`, nodemailer). A message is claimed by moving it from
 * `queued` to `sending` before the SMTP conversation and marked `sent` after it, so it is never sent
 * twice: a second delivery of its job finds nothing to claim, and a crash mid-send leaves it `sending`
 * for an administrator to check and re-send, rather than sending it again unseen. A failure puts it back
 * to `queued` and throws, so pg-boss retries with backoff; the fifth failure marks it `failed`.
 * Without `SMTP_URL` no worker runs and e-mails stay `held` in the outbox.
 */
@Injectable()
export class MessageSender implements OnApplicationBootstrap {
  private readonly logger = new Logger(MessageSender.name);
  private readonly transport: Transporter | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MessageQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get canSend(): boolean {
    return this.transport !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport) return;
    await this.queue.work((job) => this.deliver(job));
  }

  async deliver({ messageId }: SendJob): Promise<void> {
    if (!this.transport) throw new Error('No SMTP_URL: e-mails stay in the outbox');
    const [claimed] = (await this.dataSource.query(
      `UPDATE messages SET status = 'sending', attempts = attempts + 1
        WHERE id = $1 AND status = 'queued'
        RETURNING id, clinic_id, patient_id, recipient, subject, body, attempts`,
      [messageId],
    )) as [ClaimedMessage[], number];
    const message = claimed[0];
    if (!message) return;
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.id}@itb-clinic.invalid>`,
      });
    } catch (error) {
      await this.failed(message, error);
      if (message.attempts < MAX_SEND_ATTEMPTS) throw error;
      return;
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE messages SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1`, [
        message.id,
        this.clock.now(),
      ]);
      await this.audit.record(m, {
        clinicId: message.clinic_id,
        actorId: null,
        action: 'message.sent',
        entityType: 'message',
        entityId: message.id,
        patientId: message.patient_id,
        after: { status: 'sent', attempts: message.attempts },
      });
    });
  }

  /** Back to `queued` for pg-boss's retry, or `failed` when the attempts are spent. */
  private async failed(message: ClaimedMessage, error: unknown): Promise<void> {
    const isFinal = message.attempts >= MAX_SEND_ATTEMPTS;
    // The SMTP server's answer, never the message: it names no patient.
    const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE messages SET status = $2, last_error = $3 WHERE id = $1`, [
        message.id,
        isFinal ? 'failed' : 'queued',
        reason,
      ]);
      if (isFinal) {
        await this.audit.record(m, {
          clinicId: message.clinic_id,
          actorId: null,
          action: 'message.failed',
          entityType: 'message',
          entityId: message.id,
          patientId: message.patient_id,
          after: { status: 'failed', attempts: message.attempts },
          reason,
        });
      }
    });
    this.logger.warn({ msg: 'message send failed', messageId: message.id, attempt: message.attempts, isFinal });
  }
}
