import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report counts refills by the month they fell due (the refill-by date each answered to),
 * and its drill-down lists a clinic's refill appointments by clinic day.
 */
export class ReportDueIndex1764650000000 implements MigrationInterface {
  name = 'ReportDueIndex1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX fills_due_idx ON fills (clinic_id, due_refill_by) WHERE NOT is_initial`);
    await q.query(`CREATE INDEX appointments_clinic_type_day_idx ON appointments (clinic_id, type, starts_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointments_clinic_type_day_idx`);
    await q.query(`DROP INDEX fills_due_idx`);
  }
}
