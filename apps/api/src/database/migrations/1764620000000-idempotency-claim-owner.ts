import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency claim names the API process that made it (its `application_name` suffix), so a
 * claim left in flight by a process that died can be recognised and settled instead of answering
 * "still being processed" forever. Claims made before this migration have no owner.
 */
export class IdempotencyClaimOwner1764620000000 implements MigrationInterface {
  name = 'IdempotencyClaimOwner1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN owner text`);
    await q.query(`CREATE INDEX idempotency_keys_in_flight_idx ON idempotency_keys (owner) WHERE status_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_in_flight_idx`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN owner`);
  }
}
