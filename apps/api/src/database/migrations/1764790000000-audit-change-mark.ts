import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report keys a computed report by its clinic's latest audit row of a change to what it counts
 * (chart views, sign-ins and flags left out: the report reads no flag). The clinic's audit index has every
 * chart opened since that change on top of it, so finding it read past them all; this index holds those
 * changes alone, and its newest entry is the mark. The hourly flag pass's audit rows (tens of thousands
 * when many pumps fall due at once) add no entry here.
 */
export class AuditChangeMark1764790000000 implements MigrationInterface {
  name = 'AuditChangeMark1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX audit_events_clinic_change_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)
      WHERE action <> 'patient.view' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'flag.%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_clinic_change_idx`);
  }
}
