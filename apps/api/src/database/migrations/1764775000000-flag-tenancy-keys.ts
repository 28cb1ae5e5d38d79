import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A flag's pump, patient and clinic must agree: the flag references its pump by (clinic, pump, patient)
 * and its patient by (clinic, patient), in place of three single-column keys (clinic, patient, pump).
 * Every meaning of the old keys is kept — the patient exists, hence its clinic (patients → clinics); the
 * pump exists when one is named — and a flag can no longer name another clinic's patient or a pump of
 * another patient. It is also one key check fewer for each flag written: the hourly pass writes tens of
 * thousands at a time, and each check is a look-up and a row lock.
 *
 * The referenced keys replace the report's covering indexes on the same columns, so pumps and patients
 * keep the number of indexes they had. No code moves a pump or a patient to another clinic, or a pump to
 * another patient (neither is in any request): such an update is now refused while flags name the pump,
 * where before it would have left those flags pointing across clinics.
 */
export class FlagTenancyKeys1764775000000 implements MigrationInterface {
  name = 'FlagTenancyKeys1764775000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX pumps_clinic_id_patient_key ON pumps (clinic_id, id, patient_id)`);
    await q.query(`DROP INDEX pumps_clinic_patient_idx`);
    await q.query(
      `CREATE UNIQUE INDEX patients_clinic_id_key ON patients (clinic_id, id) INCLUDE (primary_specialist_id)`,
    );
    await q.query(`DROP INDEX patients_clinic_specialist_idx`);
    await q.query(`
      ALTER TABLE flags
        ADD CONSTRAINT flags_pump_of_patient_fkey FOREIGN KEY (clinic_id, pump_id, patient_id)
          REFERENCES pumps (clinic_id, id, patient_id),
        ADD CONSTRAINT flags_patient_of_clinic_fkey FOREIGN KEY (clinic_id, patient_id)
          REFERENCES patients (clinic_id, id),
        DROP CONSTRAINT flags_pump_id_fkey,
        DROP CONSTRAINT flags_patient_id_fkey,
        DROP CONSTRAINT flags_clinic_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE flags
        ADD CONSTRAINT flags_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES clinics (id),
        ADD CONSTRAINT flags_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES patients (id),
        ADD CONSTRAINT flags_pump_id_fkey FOREIGN KEY (pump_id) REFERENCES pumps (id),
        DROP CONSTRAINT flags_patient_of_clinic_fkey,
        DROP CONSTRAINT flags_pump_of_patient_fkey`);
    await q.query(
      `CREATE INDEX patients_clinic_specialist_idx ON patients (clinic_id, id) INCLUDE (primary_specialist_id)`,
    );
    await q.query(`DROP INDEX patients_clinic_id_key`);
    await q.query(`CREATE INDEX pumps_clinic_patient_idx ON pumps (clinic_id, id) INCLUDE (patient_id)`);
    await q.query(`DROP INDEX pumps_clinic_id_patient_key`);
  }
}
