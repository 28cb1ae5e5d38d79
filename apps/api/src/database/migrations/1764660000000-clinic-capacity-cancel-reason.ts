import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clinic day holds a number of appointments (the booking form warns once it is full), and a
 * cancelled appointment keeps the reason it was cancelled for. A day's bookings are counted from
 * `appointments_clinic_on_idx` alone.
 */
export class ClinicCapacityCancelReason1764660000000 implements MigrationInterface {
  name = 'ClinicCapacityCancelReason1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE clinics ADD COLUMN slots_per_day integer NOT NULL DEFAULT 16
         CONSTRAINT clinics_slots_per_day_range CHECK (slots_per_day BETWEEN 1 AND 200)`,
    );
    await q.query(`ALTER TABLE appointments ADD COLUMN status_reason text`);
    await q.query(`CREATE INDEX appointments_clinic_on_idx ON appointments (clinic_id, starts_on) INCLUDE (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointments_clinic_on_idx`);
    await q.query(`ALTER TABLE appointments DROP COLUMN status_reason`);
    await q.query(`ALTER TABLE clinics DROP COLUMN slots_per_day`);
  }
}
