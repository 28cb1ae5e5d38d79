import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in limits move to rate-limiter-flexible's Postgres store (the table layout its
 * RateLimiterPostgres expects; `expire` is epoch milliseconds, null = never). The table of attempt
 * rows it replaces is dropped: its count-then-insert could not be atomic.
 */
export class LoginLimits1764630000000 implements MigrationInterface {
  name = 'LoginLimits1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX login_limits_expire_idx ON login_limits (expire)`);
    await q.query(`DROP TABLE login_attempts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at) WHERE NOT succeeded`);
    await q.query(
      `CREATE INDEX login_attempts_address_idx ON login_attempts (address, attempted_at) WHERE NOT succeeded`,
    );
    await q.query(`DROP TABLE login_limits`);
  }
}
