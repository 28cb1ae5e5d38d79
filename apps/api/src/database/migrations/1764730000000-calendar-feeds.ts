import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's secret iCalendar feed: one per user, found by the SHA-256 of its token (the token itself
 * is never stored). Revoking deletes the row; the audit log keeps who made, changed and revoked it.
 */
export class CalendarFeeds1764730000000 implements MigrationInterface {
  name = 'CalendarFeeds1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        scope text NOT NULL CHECK (scope IN ('clinic', 'mine')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_fetched_at timestamptz,
        CONSTRAINT calendar_feeds_one_per_user UNIQUE (user_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (token_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
