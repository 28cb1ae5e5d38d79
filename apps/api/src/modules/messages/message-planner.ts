import { Inject, Injectable } from '@nestjs/common';
import type { FlagCode } from '@itb/contracts';
import type { LocalDate } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { MessageQueue } from './message-queue.js';
import {
  callUsReminder,
  type Channel,
  type ClinicVoice,
  initialsOf,
  refillReminder,
  type RenderedMessage,
  staffDigest,
  type StaffDigestFacts,
} from './message-texts.js';

export interface PlanResult {
  reminders: number;
  callUs: number;
  tasks: number;
  digests: number;
}

interface ClinicRow {
  clinic_id: string;
  clinic_name: string;
  time_zone: string;
  emergency_phone: string | null;
}

interface PatientRow extends ClinicRow {
  patient_id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  postal_address: string | null;
  reminder_channel: Channel;
}

interface NewMessage {
  clinicId: string;
  kind: 'refill_reminder' | 'overdue_call_us' | 'staff_digest';
  channel: Channel;
  patientId?: string;
  userId?: string;
  appointmentId?: string;
  pumpId?: string;
  recipient: string;
  text: RenderedMessage;
  reason: string;
  dedupeKey: string;
}

const voiceOf = (r: ClinicRow): ClinicVoice => ({
  name: r.clinic_name,
  timeZone: r.time_zone,
  emergencyPhone: r.emergency_phone,
});

/** A patient's channel: e-mail only when chosen and there is an address; otherwise the printed letter. */
const channelOf = (p: PatientRow): Channel => (p.reminder_channel === 'email' && p.email ? 'email' : 'letter');

const recipientOf = (p: PatientRow, channel: Channel) =>
  channel === 'email'
    ? (p.email as string)
    : [`${p.given_name} ${p.family_name}`, p.postal_address ?? '(no postal address on file)'].join('\n');

/**
 * Writes every reminder, "please call us" message, nurse task and staff digest that has come due by
 * `now` into the outbox, each at most once (its dedupe key is unique), and queues the e-mails in the
 * same transaction. Every instance may run it at once: a second insert of a key waits for the first
 * and then does nothing. It reads state, not events, so a pass after downtime catches up.
 *
 * When a message is due, on the clinic's wall clock (`clinics.messages_at`, default 07:00):
 * - a reminder for each offset in `reminder_days_before` (default 7 and 1 days) from that time on the
 *   day that many days before a booked refill, until the next smaller offset's time (or the start):
 *   a late booking gets the nearest reminder, never two at once, never one on the day itself;
 * - one "please call us" (and a nurse task, even for a patient who opted out) per overdue spell of an
 *   active pump with no refill booked from today on;
 * - one digest a clinic day to each specialist and nurse who turned it on.
 */
@Injectable()
export class MessagePlanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MessageQueue,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async plan(now: Date): Promise<PlanResult> {
    return this.dataSource.transaction(async (m) => {
      const reminders = await this.refillReminders(m, now);
      const { callUs, tasks } = await this.overdueUnbooked(m, now);
      const digests = await this.staffDigests(m, now);
      return { reminders, callUs, tasks, digests };
    });
  }

  private async refillReminders(m: EntityManager, now: Date): Promise<number> {
    const rows = (await m.query(
      `WITH offsets AS (
         SELECT c.id AS clinic_id, d.days,
                coalesce(lead(d.days) OVER (PARTITION BY c.id ORDER BY d.days DESC), 0) AS next_days
           FROM clinics c, unnest(c.reminder_days_before) AS d(days)
       )
       SELECT a.id AS appointment_id, a.starts_at, a.starts_at::text AS starts_key, a.pump_id, o.days,
              a.starts_on - ($1::timestamptz AT TIME ZONE c.time_zone)::date AS days_until,
              c.id AS clinic_id, c.name AS clinic_name, c.time_zone, c.emergency_phone,
              p.id AS patient_id, p.given_name, p.family_name, p.email, p.postal_address, p.reminder_channel,
              pu.alarm_at
         FROM appointments a
         JOIN clinics c ON c.id = a.clinic_id
         JOIN offsets o ON o.clinic_id = a.clinic_id
         JOIN patients p ON p.id = a.patient_id
         LEFT JOIN pumps pu ON pu.id = a.pump_id
        WHERE a.type = 'refill' AND a.status = 'booked'
          AND a.starts_at > $1 AND a.starts_at < $1 + interval '62 days'
          AND a.starts_on > ($1::timestamptz AT TIME ZONE c.time_zone)::date
          AND p.status = 'active' AND p.reminders_opted_out_at IS NULL
          AND ((a.starts_on - o.days) + c.messages_at::time) AT TIME ZONE c.time_zone <= $1
          AND (o.next_days = 0
               OR ((a.starts_on - o.next_days) + c.messages_at::time) AT TIME ZONE c.time_zone > $1)
          AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.dedupe_key =
                'refill_reminder:' || a.id || ':' || a.starts_at::text || ':' || o.days)`,
      [now],
    )) as (PatientRow & {
      appointment_id: string;
      starts_at: Date;
      starts_key: string;
      pump_id: string | null;
      days: number;
      days_until: number;
      alarm_at: Date | null;
    })[];
    let written = 0;
    for (const r of rows) {
      const channel = channelOf(r);
      written += await this.write(m, now, {
        clinicId: r.clinic_id,
        kind: 'refill_reminder',
        channel,
        patientId: r.patient_id,
        appointmentId: r.appointment_id,
        pumpId: r.pump_id ?? undefined,
        recipient: recipientOf(r, channel),
        text: refillReminder({
          clinic: voiceOf(r),
          patientName: `${r.given_name} ${r.family_name}`,
          startsAt: r.starts_at,
          alarmAt: r.alarm_at,
          daysBefore: r.days_until,
          channel,
        }),
        reason: `Refill appointment in ${r.days_until} day${r.days_until === 1 ? '' : 's'} (the ${r.days}-day reminder)`,
        dedupeKey: `refill_reminder:${r.appointment_id}:${r.starts_key}:${r.days}`,
      });
    }
    return written;
  }

  private async overdueUnbooked(m: EntityManager, now: Date): Promise<{ callUs: number; tasks: number }> {
    const rows = (await m.query(
      `SELECT pu.id AS pump_id, pu.alarm_at, pu.alarm_at::text AS alarm_key,
              c.id AS clinic_id, c.name AS clinic_name, c.time_zone, c.emergency_phone,
              p.id AS patient_id, p.given_name, p.family_name, p.mrn, p.email, p.postal_address, p.reminder_channel,
              p.reminders_opted_out_at IS NOT NULL AS opted_out
         FROM pumps pu
         JOIN patients p ON p.id = pu.patient_id
         JOIN clinics c ON c.id = pu.clinic_id
        WHERE pu.status = 'active' AND pu.alarm_at <= $1 AND p.status = 'active'
          AND ($1::timestamptz AT TIME ZONE c.time_zone)::time >= c.messages_at::time
          AND NOT EXISTS (
                SELECT 1 FROM appointments a
                 WHERE a.pump_id = pu.id AND a.type = 'refill' AND a.status IN ('booked', 'arrived')
                   AND a.starts_on >= ($1::timestamptz AT TIME ZONE c.time_zone)::date)
          AND NOT EXISTS (SELECT 1 FROM staff_tasks t WHERE t.dedupe_key =
                'call_overdue_unbooked:' || pu.id || ':' || pu.alarm_at::text)`,
      [now],
    )) as (PatientRow & { pump_id: string; alarm_at: Date; alarm_key: string; mrn: string; opted_out: boolean })[];
    let callUs = 0;
    let tasks = 0;
    for (const r of rows) {
      const dedupeKey = `call_overdue_unbooked:${r.pump_id}:${r.alarm_key}`;
      const inserted = (await m.query(
        `INSERT INTO staff_tasks (clinic_id, patient_id, pump_id, kind, details, dedupe_key, created_at)
         VALUES ($1, $2, $3, 'call_overdue_unbooked', $4, $5, $6)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [
          r.clinic_id,
          r.patient_id,
          r.pump_id,
          r.opted_out
            ? 'Refill overdue and none booked. The patient opted out of reminders: call to book.'
            : 'Refill overdue and none booked. A "please call us" reminder went out: call if they have not.',
          dedupeKey,
          now,
        ],
      )) as unknown[];
      tasks += inserted.length;
      if (r.opted_out || inserted.length === 0) continue;
      const channel = channelOf(r);
      callUs += await this.write(m, now, {
        clinicId: r.clinic_id,
        kind: 'overdue_call_us',
        channel,
        patientId: r.patient_id,
        pumpId: r.pump_id,
        recipient: recipientOf(r, channel),
        text: callUsReminder({
          clinic: voiceOf(r),
          patientName: `${r.given_name} ${r.family_name}`,
          alarmAt: r.alarm_at,
          channel,
        }),
        reason: 'Refill overdue with no appointment booked',
        dedupeKey: `overdue_call_us:${r.pump_id}:${r.alarm_key}`,
      });
    }
    return { callUs, tasks };
  }

  private async staffDigests(m: EntityManager, now: Date): Promise<number> {
    const recipients = (await m.query(
      `SELECT u.id AS user_id, u.name, u.email, ($1::timestamptz AT TIME ZONE c.time_zone)::date::text AS local_date,
              c.id AS clinic_id, c.name AS clinic_name, c.time_zone, c.emergency_phone, c.due_soon_window_days
         FROM users u JOIN clinics c ON c.id = u.clinic_id
        WHERE u.is_active AND u.staff_digest AND u.role IN ('specialist', 'nurse')
          AND ($1::timestamptz AT TIME ZONE c.time_zone)::time >= c.messages_at::time
          AND extract(isodow FROM $1::timestamptz AT TIME ZONE c.time_zone)::int = ANY (c.clinic_days)
          AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.dedupe_key =
                'staff_digest:' || u.id || ':' || ($1::timestamptz AT TIME ZONE c.time_zone)::date::text)
        ORDER BY c.id`,
      [now],
    )) as (ClinicRow & {
      user_id: string;
      name: string;
      email: string;
      local_date: LocalDate;
      due_soon_window_days: number;
    })[];
    const contents = new Map<string, Omit<StaffDigestFacts, 'staffName'>>();
    let written = 0;
    for (const r of recipients) {
      let facts = contents.get(r.clinic_id);
      if (!facts) {
        facts = await this.digestFacts(m, now, r, r.local_date, r.due_soon_window_days);
        contents.set(r.clinic_id, facts);
      }
      written += await this.write(m, now, {
        clinicId: r.clinic_id,
        kind: 'staff_digest',
        channel: 'email',
        userId: r.user_id,
        recipient: r.email,
        text: staffDigest({ ...facts, staffName: r.name }),
        reason: 'Morning digest (turned on under Your account)',
        dedupeKey: `staff_digest:${r.user_id}:${r.local_date}`,
      });
    }
    return written;
  }

  /** What a clinic's digest lists on its `date`: the same for every recipient of the clinic. */
  private async digestFacts(
    m: EntityManager,
    now: Date,
    clinic: ClinicRow,
    date: LocalDate,
    dueSoonWindowDays: number,
  ): Promise<Omit<StaffDigestFacts, 'staffName'>> {
    const person = `p.mrn, p.given_name, p.family_name`;
    type Named = { mrn: string; given_name: string; family_name: string };
    const named = <T extends Named>(rows: T[]) =>
      rows.map(({ given_name, family_name, ...rest }) => ({ ...rest, initials: initialsOf(given_name, family_name) }));
    const overdue = (await m.query(
      `SELECT ${person}, pu.alarm_at AS "alarmAt" FROM pumps pu JOIN patients p ON p.id = pu.patient_id
        WHERE pu.clinic_id = $1 AND pu.status = 'active' AND pu.alarm_at <= $2 ORDER BY pu.alarm_at, p.mrn`,
      [clinic.clinic_id, now],
    )) as (Named & { alarmAt: Date })[];
    const dueUnbooked = (await m.query(
      `SELECT ${person}, pu.refill_by::text AS "refillBy" FROM pumps pu JOIN patients p ON p.id = pu.patient_id
        WHERE pu.clinic_id = $1 AND pu.status = 'active' AND (pu.alarm_at IS NULL OR pu.alarm_at > $2)
          AND pu.refill_by <= $3::date + $4::int
          AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.pump_id = pu.id AND a.type = 'refill'
                           AND a.status IN ('booked', 'arrived') AND a.starts_on >= $3::date)
        ORDER BY pu.refill_by, p.mrn`,
      [clinic.clinic_id, now, date, dueSoonWindowDays],
    )) as (Named & { refillBy: LocalDate })[];
    const criticalFlags = (await m.query(
      `SELECT ${person}, f.code FROM flags f JOIN patients p ON p.id = f.patient_id
        WHERE f.clinic_id = $1 AND f.severity = 'critical' AND f.status <> 'resolved' ORDER BY f.raised_at, p.mrn`,
      [clinic.clinic_id],
    )) as (Named & { code: FlagCode | 'manual' })[];
    const today = (await m.query(
      `SELECT ${person}, a.starts_at AS "startsAt", a.type, a.status FROM appointments a
         JOIN patients p ON p.id = a.patient_id
        WHERE a.clinic_id = $1 AND a.starts_on = $2::date AND a.status IN ('booked', 'arrived', 'fulfilled')
        ORDER BY a.starts_at, p.mrn`,
      [clinic.clinic_id, date],
    )) as (Named & Omit<StaffDigestFacts['today'][number], 'mrn' | 'initials'>)[];
    return {
      clinic: voiceOf(clinic),
      date,
      dueSoonWindowDays,
      overdue: named(overdue),
      dueUnbooked: named(dueUnbooked),
      criticalFlags: named(criticalFlags),
      today: named(today),
    };
  }

  /** Inserts one message unless its key exists; an e-mail is queued in the same transaction. */
  private async write(m: EntityManager, now: Date, message: NewMessage): Promise<number> {
    const status = message.channel === 'letter' ? 'to_print' : this.config.smtpUrl ? 'queued' : 'held';
    const [row] = (await m.query(
      `INSERT INTO messages (clinic_id, kind, channel, patient_id, user_id, appointment_id, pump_id, recipient,
                             subject, body, reason, dedupe_key, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        message.clinicId,
        message.kind,
        message.channel,
        message.patientId ?? null,
        message.userId ?? null,
        message.appointmentId ?? null,
        message.pumpId ?? null,
        message.recipient,
        message.text.subject,
        message.text.body,
        message.reason,
        message.dedupeKey,
        status,
        now,
      ],
    )) as { id: string }[];
    if (!row) return 0;
    if (status === 'queued') await this.queue.enqueue(m, row.id);
    return 1;
  }
}
