import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULE_CODES = [
  'RESERVOIR_EMPTY',
  'REFILL_OVERDUE',
  'REFILL_DUE_UNSCHEDULED',
  'APPOINTMENT_AFTER_ALARM',
  'DRUG_STABILITY_EXCEEDED',
  'RESIDUAL_DISCREPANCY',
  'MISSED_REFILL_APPOINTMENT',
  'POST_MRI_CHECK_PENDING',
  'PUMP_REPLACEMENT_DUE',
  'RAPID_DOSE_REDUCTION',
  'manual',
];

/**
 * Withdrawal-risk flags, the appointments the rules read, and the ticks of the scheduled evaluation
 * (one row per job and tick: the primary key is what makes a tick run once across API instances).
 */
export class FlagsAppointmentsJobTicks1764200000000 implements MigrationInterface {
  name = 'FlagsAppointmentsJobTicks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        patient_id uuid NOT NULL REFERENCES patients(id),
        pump_id uuid REFERENCES pumps(id),
        type text NOT NULL CHECK (type IN ('refill', 'dose_review', 'interrogation', 'replacement_consult')),
        starts_at timestamptz NOT NULL,
        starts_on date NOT NULL,
        duration_minutes integer NOT NULL DEFAULT 30 CHECK (duration_minutes BETWEEN 5 AND 480),
        clinician_id uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'arrived', 'fulfilled', 'cancelled', 'noshow')),
        fill_id uuid REFERENCES fills(id),
        notes text,
        created_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointments_fill_when_fulfilled CHECK (fill_id IS NULL OR status = 'fulfilled')
      )`);
    await q.query(`
      CREATE UNIQUE INDEX appointments_one_per_patient_type_day ON appointments (patient_id, type, starts_on)
      WHERE status IN ('booked', 'arrived')`);
    await q.query(`CREATE INDEX appointments_clinic_day_idx ON appointments (clinic_id, starts_at, id)`);
    await q.query(`CREATE INDEX appointments_pump_idx ON appointments (pump_id, type, status, starts_at)`);

    await q.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        patient_id uuid NOT NULL REFERENCES patients(id),
        pump_id uuid REFERENCES pumps(id),
        code text NOT NULL CHECK (code IN (${RULE_CODES.map((c) => `'${c}'`).join(', ')})),
        severity text NOT NULL CHECK (severity IN ('critical', 'high', 'moderate')),
        severity_rank smallint NOT NULL GENERATED ALWAYS AS (
          CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 ELSE 1 END) STORED,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        raised_at timestamptz NOT NULL,
        raised_by uuid REFERENCES users(id),
        details jsonb NOT NULL,
        acknowledged_by uuid REFERENCES users(id),
        acknowledged_at timestamptz,
        acknowledged_note text,
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        resolved_note text,
        resolution text CHECK (resolution IN ('auto', 'manual')),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT flags_resolved_consistent CHECK ((status = 'resolved') = (resolved_at IS NOT NULL AND resolution IS NOT NULL)),
        CONSTRAINT flags_acknowledged_consistent CHECK (status <> 'acknowledged' OR acknowledged_at IS NOT NULL),
        CONSTRAINT flags_manual_has_author CHECK (code <> 'manual' OR raised_by IS NOT NULL),
        CONSTRAINT flags_rule_has_pump CHECK (code = 'manual' OR pump_id IS NOT NULL)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX flags_one_open_per_pump_rule ON flags (pump_id, code)
      WHERE status <> 'resolved' AND code <> 'manual'`);
    await q.query(`
      CREATE INDEX flags_unresolved_idx ON flags (clinic_id, severity_rank DESC, raised_at DESC, id DESC)
      WHERE status <> 'resolved'`);
    await q.query(`CREATE INDEX flags_clinic_idx ON flags (clinic_id, raised_at DESC, id DESC)`);
    await q.query(`CREATE INDEX flags_patient_idx ON flags (patient_id, raised_at DESC)`);

    await q.query(`
      CREATE TABLE job_ticks (
        job text NOT NULL,
        tick_at timestamptz NOT NULL,
        instance text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        pumps_evaluated integer,
        flags_raised integer,
        flags_resolved integer,
        PRIMARY KEY (job, tick_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_ticks`);
    await q.query(`DROP TABLE flags`);
    await q.query(`DROP TABLE appointments`);
  }
}
