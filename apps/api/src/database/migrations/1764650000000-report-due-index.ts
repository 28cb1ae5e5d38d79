import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report counts refills by the month they fell due (the refill-by date each answered to),
 * and its drill-down lists a clinic's refill appointments by clinic day. Its joins from a due refill to
 * the pump's patient and their primary specialist read one clinic's pumps and patients from covering
 * indexes instead of every clinic's tables.
 */
export class ReportDueIndex1764650000000 implements MigrationInterface {
  name = 'ReportDueIndex1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX fills_due_idx ON fills (clinic_id, due_refill_by) WHERE NOT is_initial`);
    await q.query(`CREATE INDEX appointments_clinic_type_day_idx ON appointments (clinic_id, type, starts_on)`);
    await q.query(`CREATE INDEX pumps_clinic_patient_idx ON pumps (clinic_id, id) INCLUDE (patient_id)`);
    await q.query(
      `CREATE INDEX patients_clinic_specialist_idx ON patients (clinic_id, id) INCLUDE (primary_specialist_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX patients_clinic_specialist_idx`);
    await q.query(`DROP INDEX pumps_clinic_patient_idx`);
    await q.query(`DROP INDEX appointments_clinic_type_day_idx`);
    await q.query(`DROP INDEX fills_due_idx`);
  }
}
