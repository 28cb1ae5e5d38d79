import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users set their own passwords: an invited user has no password until they follow their one-time
 * link (only the token's SHA-256 is stored, with its expiry); a reset clears the password the same way.
 */
export class UserInvitations1764640000000 implements MigrationInterface {
  name = 'UserInvitations1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      ALTER TABLE users
        ADD COLUMN invitation_token_hash text,
        ADD COLUMN invitation_expires_at timestamptz,
        ADD COLUMN password_changed_at timestamptz,
        ADD CONSTRAINT users_invitation_pair CHECK ((invitation_token_hash IS NULL) = (invitation_expires_at IS NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX users_invitation_token_key ON users (invitation_token_hash) WHERE invitation_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_invitation_token_key`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_invitation_pair,
        DROP COLUMN password_changed_at,
        DROP COLUMN invitation_expires_at,
        DROP COLUMN invitation_token_hash`);
    // Users who never set a password cannot sign in before this migration either: an unusable hash.
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
