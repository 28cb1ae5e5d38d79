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
    // Covering, so the report's aggregates read the index alone.
    await q.query(`
      CREATE INDEX fills_report_idx ON fills (clinic_id, performed_at)
      INCLUDE (due_refill_by, due_alarm_at, performed_by) WHERE NOT is_initial`);

    // The queue's order is (refill-by, high-risk first, id): the rank lives on the pump, kept by trigger
    // from the patient's risk factors, so one index serves the order and a page stops after its rows.
    await q.query(`ALTER TABLE pumps ADD COLUMN queue_rank smallint NOT NULL DEFAULT 1 CHECK (queue_rank IN (0, 1))`);
    await q.query(`UPDATE pumps p SET queue_rank = 0 FROM patients pt WHERE pt.id = p.patient_id AND pt.is_high_risk`);
    await q.query(`
      CREATE FUNCTION pumps_set_queue_rank() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.queue_rank := CASE WHEN (SELECT is_high_risk FROM patients WHERE id = NEW.patient_id) THEN 0 ELSE 1 END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER pumps_queue_rank BEFORE INSERT OR UPDATE OF patient_id ON pumps
      FOR EACH ROW EXECUTE FUNCTION pumps_set_queue_rank()`);
    await q.query(`
      CREATE FUNCTION patients_propagate_queue_rank() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE pumps SET queue_rank = CASE WHEN NEW.is_high_risk THEN 0 ELSE 1 END
        WHERE patient_id = NEW.id AND queue_rank <> CASE WHEN NEW.is_high_risk THEN 0 ELSE 1 END;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER patients_queue_rank AFTER UPDATE OF risk_factors ON patients
      FOR EACH ROW EXECUTE FUNCTION patients_propagate_queue_rank()`);
    await q.query(
      `CREATE INDEX pumps_queue_idx ON pumps (clinic_id, refill_by, queue_rank, id) WHERE status = 'active'`,
    );

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
    await q.query(`DROP INDEX pumps_queue_idx`);
    await q.query(`DROP TRIGGER patients_queue_rank ON patients`);
    await q.query(`DROP FUNCTION patients_propagate_queue_rank()`);
    await q.query(`DROP TRIGGER pumps_queue_rank ON pumps`);
    await q.query(`DROP FUNCTION pumps_set_queue_rank()`);
    await q.query(`ALTER TABLE pumps DROP COLUMN queue_rank`);
    await q.query(`DROP INDEX fills_report_idx`);
    await q.query(
      `ALTER TABLE fills DROP CONSTRAINT fills_due_only_for_refills, DROP COLUMN due_alarm_at, DROP COLUMN due_refill_by`,
    );
    await q.query(
      `ALTER TABLE clinics DROP CONSTRAINT clinics_hours_order, DROP COLUMN closes_at, DROP COLUMN opens_at`,
    );
  }
}
