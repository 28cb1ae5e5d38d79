import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clinic hours; the refill-by and alarm each refill answered to (for the overdue report); and a
 * history of every pump's stored projection, kept by trigger, so the refill queue can page as of the
 * moment its first page was read while refills are being recorded.
 */
export class SchedulingQueueReports1764300000000 implements MigrationInterface {
  name = 'SchedulingQueueReports1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clinics
        ADD COLUMN opens_at text NOT NULL DEFAULT '08:30' CHECK (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        ADD COLUMN closes_at text NOT NULL DEFAULT '17:00' CHECK (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        ADD CONSTRAINT clinics_hours_order CHECK (opens_at < closes_at)`);
    await q.query(`
      ALTER TABLE fills
        ADD COLUMN due_refill_by date,
        ADD COLUMN due_alarm_at timestamptz,
        ADD CONSTRAINT fills_due_only_for_refills CHECK (NOT is_initial OR (due_refill_by IS NULL AND due_alarm_at IS NULL))`);
    // Existing refills answered to the previous fill's snapshot (dose changes in between are not known here).
    await q.query(`
      UPDATE fills f SET due_refill_by = prev.refill_by, due_alarm_at = prev.alarm_at
      FROM (SELECT id, lag(refill_by) OVER w AS refill_by, lag(alarm_at) OVER w AS alarm_at
            FROM fills WINDOW w AS (PARTITION BY pump_id ORDER BY performed_at)) prev
      WHERE prev.id = f.id AND NOT f.is_initial`);
    await q.query(`CREATE INDEX fills_report_idx ON fills (clinic_id, performed_at) WHERE NOT is_initial`);

    await q.query(`
      CREATE TABLE pump_projection_history (
        pump_id uuid NOT NULL REFERENCES pumps(id),
        valid_from timestamptz NOT NULL DEFAULT now(),
        refill_by date,
        alarm_at timestamptz,
        id bigserial PRIMARY KEY
      )`);
    await q.query(
      `CREATE INDEX pump_projection_history_idx ON pump_projection_history (pump_id, valid_from DESC, id DESC)`,
    );
    await q.query(`
      CREATE FUNCTION pumps_record_projection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pump_projection_history (pump_id, refill_by, alarm_at) VALUES (NEW.id, NEW.refill_by, NEW.alarm_at);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER pumps_projection_history AFTER INSERT OR UPDATE OF refill_by, alarm_at, status ON pumps
      FOR EACH ROW EXECUTE FUNCTION pumps_record_projection()`);
    await q.query(`
      INSERT INTO pump_projection_history (pump_id, valid_from, refill_by, alarm_at)
      SELECT id, updated_at, refill_by, alarm_at FROM pumps`);
    await q.query(`CREATE INDEX appointments_refill_next_idx ON appointments (pump_id, starts_at)
      WHERE type = 'refill' AND status IN ('booked', 'arrived')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointments_refill_next_idx`);
    await q.query(`DROP TRIGGER pumps_projection_history ON pumps`);
    await q.query(`DROP FUNCTION pumps_record_projection()`);
    await q.query(`DROP TABLE pump_projection_history`);
    await q.query(`DROP INDEX fills_report_idx`);
    await q.query(
      `ALTER TABLE fills DROP CONSTRAINT fills_due_only_for_refills, DROP COLUMN due_alarm_at, DROP COLUMN due_refill_by`,
    );
    await q.query(
      `ALTER TABLE clinics DROP CONSTRAINT clinics_hours_order, DROP COLUMN closes_at, DROP COLUMN opens_at`,
    );
  }
}
