import { z } from 'zod';
import { idSchema, optionalText, pageQuerySchema } from './common.js';

/** Reminders and digests (issue 13): every message is written to the outbox first. */
export const MESSAGE_KINDS = ['refill_reminder', 'overdue_call_us', 'staff_digest'] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

/**
 * `held`: an e-mail kept in the outbox because no SMTP server is configured; `queued` → `sending` →
 * `sent`, or `failed` after five attempts; `sending` that stays is a send whose end was not confirmed.
 * Letters are `to_print` until an administrator marks the batch printed.
 */
export const MESSAGE_STATUSES = ['held', 'queued', 'sending', 'sent', 'failed', 'to_print', 'printed'] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  refill_reminder: 'Refill reminder',
  overdue_call_us: 'Please call us',
  staff_digest: 'Staff digest',
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  held: 'Held (no mail server)',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  to_print: 'To print',
  printed: 'Printed',
};

export const messageListQuerySchema = pageQuerySchema.extend({
  status: messageStatusSchema.optional().meta({ description: 'Only messages in this status.' }),
  kind: messageKindSchema.optional().meta({ description: 'Only messages of this kind.' }),
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

export const messageResponseSchema = z.object({
  id: idSchema,
  kind: messageKindSchema,
  channel: z.enum(['email', 'letter']),
  /** The e-mail address, or the name and postal address a letter is printed with. */
  recipient: z.string(),
  /** The patient a reminder is for, or the staff member a digest goes to. */
  patient: z.object({ id: idSchema, mrn: z.string(), name: z.string() }).nullable(),
  staffName: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** Why it was written. */
  reason: z.string(),
  status: messageStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  printedAt: z.string().nullable(),
});
export type MessageResponse = z.infer<typeof messageResponseSchema>;

export const messageSummarySchema = z.object({
  /** Whether e-mail goes out (`SMTP_URL` set) or stays held in the outbox. */
  canSendEmail: z.boolean(),
  counts: z.record(messageStatusSchema, z.number()),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

/** Why it goes again (the patient lost it, the address was corrected…): kept on the audit row. */
export const resendMessageRequestSchema = z.object({ reason: optionalText(500) }).strict();
export type ResendMessageRequest = z.infer<typeof resendMessageRequestSchema>;

/** Letters in one printed batch: the PDF prints the oldest this many that wait. */
export const LETTER_BATCH_MAX = 200;

export const markLettersPrintedRequestSchema = z
  .object({ messageIds: z.array(idSchema).min(1, 'must name at least one letter').max(LETTER_BATCH_MAX) })
  .strict();
export type MarkLettersPrintedRequest = z.infer<typeof markLettersPrintedRequestSchema>;

export const markLettersPrintedResponseSchema = z.object({ printed: z.number() });

/** Nurse tasks the planner opens: a patient to call about an overdue refill with none booked. */
export const staffTaskResponseSchema = z.object({
  id: idSchema,
  kind: z.enum(['call_overdue_unbooked']),
  patient: z.object({ id: idSchema, mrn: z.string(), name: z.string(), phone: z.string().nullable() }),
  pumpId: idSchema,
  details: z.string(),
  createdAt: z.string(),
});
export type StaffTaskResponse = z.infer<typeof staffTaskResponseSchema>;

export const completeStaffTaskRequestSchema = z.object({ note: optionalText(500) }).strict();
export type CompleteStaffTaskRequest = z.infer<typeof completeStaffTaskRequestSchema>;
