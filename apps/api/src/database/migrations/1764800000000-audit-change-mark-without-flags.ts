import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report's cache mark is its clinic's latest audit row of a change to what it counts, and the
 * report reads no flag: the index of a clinic's changes (1764790000000) leaves flag rows out as well as
 * chart views and sign-ins. The hourly flag pass's audit rows (tens of thousands when many pumps fall due
 * at once) then add no entry to it, and a flag change leaves a kept report kept.
 */
export class AuditChangeMarkWithoutFlags1764800000000 implements MigrationInterface {
  name = 'AuditChangeMarkWithoutFlags1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'flag.%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%'`);
  }
}
