import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clinics, users, sessions, patients, pumps, fills and the append-only audit log. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clinics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        time_zone text NOT NULL,
        clinic_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
        refill_lead_days integer NOT NULL DEFAULT 5 CHECK (refill_lead_days BETWEEN 0 AND 30),
        due_soon_window_days integer NOT NULL DEFAULT 14 CHECK (due_soon_window_days BETWEEN 1 AND 90),
        max_drug_days_in_pump integer NOT NULL DEFAULT 180 CHECK (max_drug_days_in_pump BETWEEN 1 AND 365),
        emergency_phone text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('specialist', 'nurse', 'admin')),
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_clinic_idx ON users (clinic_id, name, id)`);
    await q.query(`
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at) WHERE NOT succeeded`);
    await q.query(
      `CREATE INDEX login_attempts_address_idx ON login_attempts (address, attempted_at) WHERE NOT succeeded`,
    );
    await q.query(`
      CREATE TABLE patients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        mrn text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        spasticity_origin text NOT NULL CHECK (spasticity_origin IN ('spinal', 'cerebral', 'mixed')),
        diagnosis text NOT NULL CHECK (diagnosis IN ('ms', 'sci', 'cp', 'tbi', 'stroke', 'other')),
        risk_factors text[] NOT NULL DEFAULT '{}'
          CHECK (risk_factors <@ ARRAY['sci_t6_or_above', 'communication_difficulty', 'prior_withdrawal']),
        cautions text[] NOT NULL DEFAULT '{}'
          CHECK (cautions <@ ARRAY['renal_impairment', 'epilepsy', 'pregnancy', 'age_over_65', 'cns_depressants']),
        is_high_risk boolean GENERATED ALWAYS AS (cardinality(risk_factors) > 0) STORED,
        oral_baclofen_backup_mg_per_day numeric(6,2) CHECK (oral_baclofen_backup_mg_per_day > 0),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'explanted', 'transferred', 'deceased')),
        primary_specialist_id uuid REFERENCES users(id),
        phone text,
        emergency_contact text,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT patients_clinic_mrn_key UNIQUE (clinic_id, mrn)
      )`);
    await q.query(
      `CREATE INDEX patients_name_idx ON patients (clinic_id, lower(family_name) text_pattern_ops, lower(given_name), id)`,
    );
    await q.query(`CREATE INDEX patients_mrn_prefix_idx ON patients (clinic_id, lower(mrn) text_pattern_ops)`);
    await q.query(`CREATE INDEX patients_list_idx ON patients (clinic_id, lower(family_name), lower(given_name), id)`);
    await q.query(`
      CREATE TABLE pumps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        patient_id uuid NOT NULL REFERENCES patients(id),
        model text NOT NULL
          CHECK (model IN ('synchromed_ii_20', 'synchromed_ii_40', 'prometra_ii_20', 'prometra_ii_40', 'other')),
        serial_number text NOT NULL,
        implanted_on date NOT NULL,
        reservoir_ml numeric(6,2) NOT NULL CHECK (reservoir_ml > 0 AND reservoir_ml <= 100),
        alarm_ml numeric(5,2) NOT NULL CHECK (alarm_ml >= 0),
        catheter_tip_level text,
        eri_date date,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'explanted')),
        explanted_on date,
        explant_reason text,
        current_fill_id uuid,
        current_daily_dose_mcg numeric(7,1) CHECK (current_daily_dose_mcg > 0),
        alarm_at timestamptz,
        empty_at timestamptz,
        refill_by date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pumps_alarm_below_reservoir CHECK (alarm_ml < reservoir_ml),
        CONSTRAINT pumps_explant_consistent CHECK ((status = 'explanted') = (explanted_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX pumps_one_active_per_patient ON pumps (patient_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX pumps_patient_idx ON pumps (patient_id, implanted_on DESC)`);
    await q.query(`CREATE INDEX pumps_refill_by_idx ON pumps (clinic_id, refill_by, id) WHERE status = 'active'`);
    await q.query(`
      CREATE TABLE fills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        pump_id uuid NOT NULL REFERENCES pumps(id),
        performed_at timestamptz NOT NULL,
        performed_by uuid NOT NULL REFERENCES users(id),
        is_initial boolean NOT NULL DEFAULT false,
        residual_withdrawn_ml numeric(6,2) CHECK (residual_withdrawn_ml >= 0),
        volume_added_ml numeric(6,2) NOT NULL CHECK (volume_added_ml > 0),
        reservoir_volume_after_ml numeric(6,2) NOT NULL CHECK (reservoir_volume_after_ml > 0),
        drug_product text NOT NULL,
        concentration_mcg_per_ml numeric(7,2) NOT NULL
          CHECK (concentration_mcg_per_ml > 0 AND concentration_mcg_per_ml <= 3000),
        lot_number text NOT NULL,
        lot_expires_on date NOT NULL,
        daily_dose_mcg numeric(7,1) NOT NULL CHECK (daily_dose_mcg > 0 AND daily_dose_mcg <= 3000),
        mode text NOT NULL DEFAULT 'simple' CHECK (mode IN ('simple', 'flex')),
        flex_steps jsonb,
        patient_bolus_mcg_per_day numeric(7,1) CHECK (patient_bolus_mcg_per_day > 0),
        notes text,
        expected_residual_ml numeric(6,2),
        discrepancy_ml numeric(6,2),
        delivery_error_pct numeric(7,1),
        alarm_at timestamptz NOT NULL,
        empty_at timestamptz NOT NULL,
        refill_by date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fills_residual_unless_initial CHECK (is_initial OR residual_withdrawn_ml IS NOT NULL),
        CONSTRAINT fills_pump_instant_key UNIQUE (pump_id, performed_at)
      )`);
    await q.query(`CREATE INDEX fills_clinic_performed_idx ON fills (clinic_id, performed_at)`);
    await q.query(
      `ALTER TABLE pumps ADD CONSTRAINT pumps_current_fill_fk FOREIGN KEY (current_fill_id) REFERENCES fills(id)`,
    );
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        patient_id uuid,
        before jsonb,
        after jsonb,
        reason text,
        request_id text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_clinic_idx ON audit_events (clinic_id, occurred_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`ALTER TABLE pumps DROP CONSTRAINT pumps_current_fill_fk`);
    await q.query(`DROP TABLE fills`);
    await q.query(`DROP TABLE pumps`);
    await q.query(`DROP TABLE patients`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE clinics`);
  }
}
