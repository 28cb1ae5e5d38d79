import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A one-off clinician bolus, recorded as the volume it took from the reservoir (DESIGN.md, the reservoir engine). */
export class BolusEvents1764500000000 implements MigrationInterface {
  name = 'BolusEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pump_events DROP CONSTRAINT pump_events_type_check`);
    await q.query(`
      ALTER TABLE pump_events
        ADD CONSTRAINT pump_events_type_check CHECK (type IN ('interrogation', 'mri', 'alarm_low_reservoir',
          'alarm_critical', 'catheter_revision', 'pump_replacement', 'explant', 'bolus')),
        ADD COLUMN volume_ml numeric(6,2) CHECK (volume_ml > 0 AND volume_ml <= 100),
        ADD CONSTRAINT pump_events_volume_only_for_bolus CHECK ((type = 'bolus') = (volume_ml IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM pump_events WHERE type = 'bolus'`);
    await q.query(`
      ALTER TABLE pump_events DROP CONSTRAINT pump_events_volume_only_for_bolus, DROP COLUMN volume_ml,
        DROP CONSTRAINT pump_events_type_check`);
    await q.query(`
      ALTER TABLE pump_events ADD CONSTRAINT pump_events_type_check CHECK (type IN ('interrogation', 'mri',
        'alarm_low_reservoir', 'alarm_critical', 'catheter_revision', 'pump_replacement', 'explant'))`);
  }
}
