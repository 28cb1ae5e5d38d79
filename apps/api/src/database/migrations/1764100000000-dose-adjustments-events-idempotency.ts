import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dose adjustments, pump events and idempotency keys (the reservoir engine's records). */
export class DoseAdjustmentsEventsIdempotency1764100000000 implements MigrationInterface {
  name = 'DoseAdjustmentsEventsIdempotency1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dose_adjustments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        pump_id uuid NOT NULL REFERENCES pumps(id),
        fill_id uuid NOT NULL REFERENCES fills(id),
        effective_at timestamptz NOT NULL,
        previous_daily_dose_mcg numeric(7,1) NOT NULL CHECK (previous_daily_dose_mcg > 0),
        new_daily_dose_mcg numeric(7,1) NOT NULL CHECK (new_daily_dose_mcg > 0 AND new_daily_dose_mcg <= 3000),
        reason text NOT NULL
          CHECK (reason IN ('titration_up', 'titration_down', 'side_effects', 'spasticity_increase', 'weaning', 'other')),
        ordered_by uuid NOT NULL REFERENCES users(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        override_reason text,
        limit_check jsonb NOT NULL,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dose_adjustments_pump_instant_key UNIQUE (pump_id, effective_at)
      )`);
    await q.query(`CREATE INDEX dose_adjustments_fill_idx ON dose_adjustments (fill_id, effective_at)`);
    await q.query(`
      CREATE TABLE pump_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        pump_id uuid NOT NULL REFERENCES pumps(id),
        type text NOT NULL CHECK (type IN ('interrogation', 'mri', 'alarm_low_reservoir', 'alarm_critical',
          'catheter_revision', 'pump_replacement', 'explant')),
        occurred_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pump_events_pump_idx ON pump_events (pump_id, occurred_at)`);
    await q.query(`CREATE INDEX fills_pump_idx ON fills (pump_id, performed_at DESC)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP INDEX fills_pump_idx`);
    await q.query(`DROP TABLE pump_events`);
    await q.query(`DROP TABLE dose_adjustments`);
  }
}
