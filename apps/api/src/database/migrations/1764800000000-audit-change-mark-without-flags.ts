import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report's cache mark is its clinic's latest audit row of a change to what it counts, and the
 * report reads no flag: the index of a clinic's changes leaves flag rows out as well as chart views and
 * sign-ins, so the hourly flag pass's audit rows add no entry to it and a flag change leaves a kept report
 * kept. 1764790000000 creates it so; a database that ran that migration's first form (flag rows still in)
 * gets the index rebuilt here, and one that ran the present form gets the same index again.
 */
export class AuditChangeMarkWithoutFlags1764800000000 implements MigrationInterface {
  name = 'AuditChangeMarkWithoutFlags1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'flag.%'`);
  }

  // Back to what 1764790000000 creates (the same index).
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'flag.%'`);
  }
}
