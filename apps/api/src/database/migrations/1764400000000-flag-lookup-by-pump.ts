import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The refill queue shows each pump's worst open flag: one index probe per row, manual flags included. */
export class FlagLookupByPump1764400000000 implements MigrationInterface {
  name = 'FlagLookupByPump1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX flags_open_by_pump_idx ON flags (pump_id, severity_rank DESC, raised_at DESC)
      WHERE status <> 'resolved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX flags_open_by_pump_idx`);
  }
}
