import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source-options.js';
import { ClinicalSafety1764600000000 } from '../src/database/migrations/1764600000000-clinical-safety.js';
import { createIsolatedDatabase } from './test-app.js';

/**
 * Issue 11 moves existing data forward: a database at the migration before it, holding a refill reconciled
 * the old way (the bolus allowance counted as delivered) and a resolved residual flag, is migrated and then
 * holds the numbers the engine gives now.
 */
describe('the clinical-safety migration on existing data', () => {
  let dataSource: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const url = await createIsolatedDatabase();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClinicalSafety1764600000000));
    const old = new DataSource({ ...dataSourceOptions(url), migrations: before });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const one = async (sql: string, params: unknown[]) => ((await old.query(sql, params)) as [{ id: string }])[0].id;
    ids.clinic = await one(
      `INSERT INTO clinics (name, time_zone) VALUES ('Old clinic', 'Europe/London') RETURNING id`,
      [],
    );
    ids.user = await one(
      `INSERT INTO users (clinic_id, email, name, role, password_hash) VALUES ($1, 'old@test.example', 'Old', 'nurse', 'x') RETURNING id`,
      [ids.clinic],
    );
    ids.patient = await one(
      `INSERT INTO patients (clinic_id, mrn, given_name, family_name, birth_date, sex, spasticity_origin, diagnosis)
       VALUES ($1, 'OLD-1', 'Ada', 'Old', '1970-01-01', 'female', 'spinal', 'ms') RETURNING id`,
      [ids.clinic],
    );
    ids.pump = await one(
      `INSERT INTO pumps (clinic_id, patient_id, model, serial_number, implanted_on, reservoir_ml, alarm_ml)
       VALUES ($1, $2, 'synchromed_ii_20', 'OLD', '2026-01-05', 20, 2) RETURNING id`,
      [ids.clinic, ids.patient],
    );
    // The worked example with a 100 mcg/day allowance, refilled on day 60 with 8.0 mL withdrawn. The old
    // engine expected 20 − 60 × (400 + 100) / 2000 = 5.0 mL: "+3.0 mL, −20.0 %" (delivered 12 for 15).
    ids.first = await one(
      `INSERT INTO fills (clinic_id, pump_id, performed_at, performed_by, is_initial, volume_added_ml,
         reservoir_volume_after_ml, drug_product, concentration_mcg_per_ml, lot_number, lot_expires_on, daily_dose_mcg,
         patient_bolus_mcg_per_day, alarm_at, empty_at, refill_by)
       VALUES ($1, $2, '2026-01-05T10:00:00Z', $3, true, 20, 20, 'Lioresal', 2000, 'L1', '2030-01-01', 400, 100,
         '2026-03-18T10:00:00Z', '2026-03-26T10:00:00Z', '2026-03-13') RETURNING id`,
      [ids.clinic, ids.pump, ids.user],
    );
    ids.refill = await one(
      `INSERT INTO fills (clinic_id, pump_id, performed_at, performed_by, residual_withdrawn_ml, volume_added_ml,
         reservoir_volume_after_ml, drug_product, concentration_mcg_per_ml, lot_number, lot_expires_on, daily_dose_mcg,
         expected_residual_ml, discrepancy_ml, delivery_error_pct, alarm_at, empty_at, refill_by)
       VALUES ($1, $2, '2026-03-06T10:00:00Z', $3, 8, 20, 20, 'Lioresal', 2000, 'L2', '2030-01-01', 400, 5, 3, -20,
         '2026-06-04T10:00:00Z', '2026-06-14T10:00:00Z', '2026-05-30') RETURNING id`,
      [ids.clinic, ids.pump, ids.user],
    );
    ids.flag = await one(
      `INSERT INTO flags (clinic_id, patient_id, pump_id, code, severity, status, raised_at, details, resolved_by,
         resolved_at, resolved_note, resolution)
       VALUES ($1, $2, $3, 'RESIDUAL_DISCREPANCY', 'high', 'resolved', '2026-03-06T10:00:00Z',
         '{"summary": "old", "facts": {"fillAt": "2026-03-06T10:00:00.000Z"}}', $4, '2026-03-07T10:00:00Z', 'checked', 'manual')
       RETURNING id`,
      [ids.clinic, ids.patient, ids.pump, ids.user],
    );
    await old.destroy();
    dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => dataSource?.destroy());

  it('reconciles the old refill against the programme alone: expected 8.0 mL, no discrepancy', async () => {
    const [fill] = (await dataSource.query(
      `SELECT residual_found_ml::float AS found, expected_residual_ml::float AS expected,
              discrepancy_ml::float AS discrepancy, delivery_error_pct::float AS error
       FROM fills WHERE id = $1`,
      [ids.refill],
    )) as [{ found: number; expected: number; discrepancy: number; error: number }];
    // 20 − 60 × 400 / 2000 = 8.0; found 8.0 withdrawn + 0 left.
    expect(fill).toEqual({ found: 8, expected: 8, discrepancy: 0, error: 0 });
  });

  it('names the fill a resolved residual flag was about, so its resolution holds for that fill', async () => {
    const [flag] = (await dataSource.query(`SELECT details->'facts'->>'fillId' AS fill_id FROM flags WHERE id = $1`, [
      ids.flag,
    ])) as [{ fill_id: string }];
    expect(flag.fill_id).toBe(ids.refill);
  });

  it('leaves the first fill, which has no residual, without one', async () => {
    const [first] = (await dataSource.query(`SELECT residual_found_ml FROM fills WHERE id = $1`, [ids.first])) as [
      { residual_found_ml: string | null },
    ];
    expect(first.residual_found_ml).toBeNull();
  });
});
