import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pumps whose projection changed after a moment, as one array: a later refill-queue page keeps the
 * place such a pump had at its first page's moment (refill-queue.service.ts). Inline, the page's range
 * over the projection history made PostgreSQL plan every later page afresh (~1.4 ms of planning for
 * ~1.2 ms of running: a generic plan costs `valid_from > $1` at a third of the history); behind a
 * function its cost no longer depends on the moment, so the page's plan is kept. STABLE: the function
 * reads with the calling statement's snapshot, so the page and its changed pumps are one moment's.
 */
export class PumpsChangedSince1764810000000 implements MigrationInterface {
  name = 'PumpsChangedSince1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION pumps_changed_since(since timestamptz) RETURNS uuid[]
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN (SELECT coalesce(array_agg(c.pump_id), '{}')
                FROM (SELECT DISTINCT h.pump_id FROM pump_projection_history h WHERE h.valid_from > since) c);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION pumps_changed_since(timestamptz)`);
  }
}
