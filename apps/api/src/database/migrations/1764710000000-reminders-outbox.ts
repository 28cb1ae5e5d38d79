import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 13): a patient's contact details and consent, the clinic's reminder settings, the
 * staff digest opt-in, the outbox every message is written to first, the nurse's call list, and
 * pg-boss's own schema with the send queue. pg-boss's tables are made here, as the schema's owner,
 * so the API's restricted role only ever reads and writes them (`migrate: false` at run time).
 */
/** Frozen here as made; modules/messages/message-queue.config.ts names the same schema and queue. */
const PGBOSS_SCHEMA = 'pgboss';
const MESSAGE_QUEUE = 'message-send';
/** pg-boss may retry more often than the outbox allows (5 attempts): the outbox decides when to give up. */
const MESSAGE_QUEUE_OPTIONS = {
  policy: 'standard',
  retryLimit: 7,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  retentionMinutes: 7 * 24 * 60,
};

export class RemindersOutbox1764710000000 implements MigrationInterface {
  name = 'RemindersOutbox1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE patients
        ADD COLUMN email text CONSTRAINT patients_email_shape CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
        ADD COLUMN postal_address text,
        ADD COLUMN reminder_channel text NOT NULL DEFAULT 'letter'
          CONSTRAINT patients_reminder_channel CHECK (reminder_channel IN ('email', 'letter')),
        ADD COLUMN reminders_opted_out_at timestamptz,
        ADD COLUMN reminders_opted_out_by uuid REFERENCES users(id),
        ADD CONSTRAINT patients_opt_out_who CHECK ((reminders_opted_out_at IS NULL) = (reminders_opted_out_by IS NULL))`);
    await q.query(`
      ALTER TABLE clinics
        ADD COLUMN reminder_days_before smallint[] NOT NULL DEFAULT '{7,1}'
          CONSTRAINT clinics_reminder_days CHECK (cardinality(reminder_days_before) <= 4
            AND 0 < ALL (reminder_days_before) AND 60 >= ALL (reminder_days_before)),
        ADD COLUMN messages_at text NOT NULL DEFAULT '07:00'
          CONSTRAINT clinics_messages_at CHECK (messages_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);
    await q.query(`ALTER TABLE users ADD COLUMN staff_digest boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        kind text NOT NULL CHECK (kind IN ('refill_reminder', 'overdue_call_us', 'staff_digest')),
        channel text NOT NULL CHECK (channel IN ('email', 'letter')),
        patient_id uuid REFERENCES patients(id),
        user_id uuid REFERENCES users(id),
        appointment_id uuid REFERENCES appointments(id),
        pump_id uuid REFERENCES pumps(id),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        reason text NOT NULL,
        dedupe_key text NOT NULL CONSTRAINT messages_once UNIQUE,
        status text NOT NULL CHECK (status IN ('held', 'queued', 'sending', 'sent', 'failed', 'to_print', 'printed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        printed_at timestamptz,
        printed_by uuid REFERENCES users(id),
        CONSTRAINT messages_one_recipient CHECK ((patient_id IS NULL) <> (user_id IS NULL)),
        CONSTRAINT messages_letters_to_patients CHECK (channel = 'email' OR patient_id IS NOT NULL),
        CONSTRAINT messages_status_per_channel CHECK (
          (channel = 'letter') = (status IN ('to_print', 'printed')))
      )`);
    await q.query(`CREATE INDEX messages_clinic_recent_idx ON messages (clinic_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX messages_to_print_idx ON messages (clinic_id, created_at) WHERE status = 'to_print'`);

    await q.query(`
      CREATE TABLE staff_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        patient_id uuid NOT NULL REFERENCES patients(id),
        pump_id uuid NOT NULL REFERENCES pumps(id),
        kind text NOT NULL CHECK (kind IN ('call_overdue_unbooked')),
        details text NOT NULL,
        dedupe_key text NOT NULL CONSTRAINT staff_tasks_once UNIQUE,
        created_at timestamptz NOT NULL,
        done_at timestamptz,
        done_by uuid REFERENCES users(id),
        done_note text,
        CONSTRAINT staff_tasks_done_who CHECK ((done_at IS NULL) = (done_by IS NULL))
      )`);
    await q.query(`CREATE INDEX staff_tasks_open_idx ON staff_tasks (clinic_id, created_at, id) WHERE done_at IS NULL`);

    // pg-boss's own tables, without its BEGIN/COMMIT: they land in this migration's transaction.
    const plans = PgBoss.getConstructionPlans(PGBOSS_SCHEMA).trim();
    if (!plans.startsWith('BEGIN;') || !plans.endsWith('COMMIT;')) {
      throw new Error('pg-boss construction plans changed shape: review this migration');
    }
    await q.query(plans.slice('BEGIN;'.length, -'COMMIT;'.length));
    await q.query(`SELECT ${PGBOSS_SCHEMA}.create_queue($1, $2)`, [
      MESSAGE_QUEUE,
      JSON.stringify(MESSAGE_QUEUE_OPTIONS),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${PGBOSS_SCHEMA} CASCADE`);
    await q.query(`DROP TABLE staff_tasks`);
    await q.query(`DROP TABLE messages`);
    await q.query(`ALTER TABLE users DROP COLUMN staff_digest`);
    await q.query(`ALTER TABLE clinics DROP COLUMN messages_at, DROP COLUMN reminder_days_before`);
    await q.query(`
      ALTER TABLE patients DROP CONSTRAINT patients_opt_out_who, DROP COLUMN reminders_opted_out_by,
        DROP COLUMN reminders_opted_out_at, DROP COLUMN reminder_channel, DROP COLUMN postal_address, DROP COLUMN email`);
  }
}
