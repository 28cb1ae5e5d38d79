import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reads that scanned whole tables at 100,000 pumps (issue 15, each checked with
 * EXPLAIN (ANALYZE, BUFFERS) on the bench generator's data):
 * - the patient timeline reads a patient's appointments by `patient_id` (the only index starting with it
 *   was partial, on open bookings): 160 ms of parallel sequential scan, now an index scan;
 * - a later page of the refill queue finds the pumps whose projection changed since its first page by
 *   `valid_from` (the history's index starts with the pump);
 * - the patient search matches each word as a prefix of the MRN, the family or the given name: the given
 *   name had no prefix index, so the OR of the three read the whole clinic (43 ms, now a BitmapOr, 0.5 ms);
 * - the overdue report's two passes (refills by the date they fell due, refill appointments by clinic day)
 *   read their columns from the index alone: the due-date index now covers what DUE_REFILLS reads (it
 *   filtered the clinic's performed-at index before, 35 ms → 13 ms), and the appointments' clinic-day
 *   index covers status and start (a bitmap heap scan before, 47 ms → 23 ms).
 */
export class ReadPathIndexes1764700000000 implements MigrationInterface {
  name = 'ReadPathIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at DESC)`);
    await q.query(
      `CREATE INDEX pump_projection_history_valid_from_idx ON pump_projection_history (valid_from) INCLUDE (pump_id)`,
    );
    await q.query(`CREATE INDEX patients_given_prefix_idx ON patients (clinic_id, lower(given_name) text_pattern_ops)`);
    await q.query(`DROP INDEX fills_due_idx`);
    await q.query(`
      CREATE INDEX fills_due_idx ON fills (clinic_id, due_refill_by)
      INCLUDE (pump_id, performed_at, performed_on, due_alarm_at, performed_by) WHERE NOT is_initial`);
    await q.query(`DROP INDEX appointments_clinic_type_day_idx`);
    await q.query(`
      CREATE INDEX appointments_clinic_type_day_idx ON appointments (clinic_id, type, starts_on)
      INCLUDE (status, starts_at, pump_id, patient_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointments_clinic_type_day_idx`);
    await q.query(`CREATE INDEX appointments_clinic_type_day_idx ON appointments (clinic_id, type, starts_on)`);
    await q.query(`DROP INDEX fills_due_idx`);
    await q.query(`CREATE INDEX fills_due_idx ON fills (clinic_id, due_refill_by) WHERE NOT is_initial`);
    await q.query(`DROP INDEX patients_given_prefix_idx`);
    await q.query(`DROP INDEX pump_projection_history_valid_from_idx`);
    await q.query(`DROP INDEX appointments_patient_idx`);
  }
}
