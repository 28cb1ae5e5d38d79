import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read paths at scale: the refill queue shows each pump's worst open flag (one index probe per row,
 * manual flags included), and the overdue report groups refills by the clinic's calendar date, stored
 * on the fill by trigger so a year of refills is read from one covering index with no time-zone work.
 */
export class FlagLookupByPump1764400000000 implements MigrationInterface {
  name = 'FlagLookupByPump1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX flags_open_by_pump_idx ON flags (pump_id, severity_rank DESC, raised_at DESC)
      WHERE status <> 'resolved'`);
    await q.query(`ALTER TABLE fills ADD COLUMN performed_on date`);
    await q.query(`
      UPDATE fills f SET performed_on = (f.performed_at AT TIME ZONE c.time_zone)::date
      FROM clinics c WHERE c.id = f.clinic_id`);
    await q.query(`ALTER TABLE fills ALTER COLUMN performed_on SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION fills_set_performed_on() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.performed_on := (NEW.performed_at AT TIME ZONE (SELECT time_zone FROM clinics WHERE id = NEW.clinic_id))::date;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER fills_performed_on BEFORE INSERT OR UPDATE OF performed_at ON fills
      FOR EACH ROW EXECUTE FUNCTION fills_set_performed_on()`);
    await q.query(`DROP INDEX fills_report_idx`);
    await q.query(`
      CREATE INDEX fills_report_idx ON fills (clinic_id, performed_at)
      INCLUDE (performed_on, due_refill_by, due_alarm_at, performed_by) WHERE NOT is_initial`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fills_report_idx`);
    await q.query(`
      CREATE INDEX fills_report_idx ON fills (clinic_id, performed_at)
      INCLUDE (due_refill_by, due_alarm_at, performed_by) WHERE NOT is_initial`);
    await q.query(`DROP TRIGGER fills_performed_on ON fills`);
    await q.query(`DROP FUNCTION fills_set_performed_on()`);
    await q.query(`ALTER TABLE fills DROP COLUMN performed_on`);
    await q.query(`DROP INDEX flags_open_by_pump_idx`);
  }
}
