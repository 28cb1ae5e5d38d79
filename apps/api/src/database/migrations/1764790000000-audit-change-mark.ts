import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report keys a computed report by its clinic's latest audit row of a change (chart views and
 * sign-ins left out). The clinic's audit index has every chart opened since that change on top of it, so
 * finding it read past them all; this index holds the changes alone, and its newest entry is the mark.
 */
export class AuditChangeMark1764790000000 implements MigrationInterface {
  name = 'AuditChangeMark1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
  }
}
