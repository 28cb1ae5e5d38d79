// Synthetic load for the benchmarks: N active pumps spread over clinics in two time zones, each with
// a current fill placed 0–120 days ago (so some are overdue, some due, most comfortable), and a
// sprinkling of the states the withdrawal-risk rules look for. Set-based SQL: 100,000 pumps in seconds.

/** Clinics, one specialist each, then N patients, pumps, current fills, events, adjustments and appointments. */
export async function generateClinics(client, { pumps, clinics = 20 }) {
  await client.query(
    `
    INSERT INTO clinics (name, time_zone)
    SELECT 'Bench clinic ' || g, CASE WHEN g % 2 = 0 THEN 'Europe/London' ELSE 'America/Chicago' END
    FROM generate_series(1, $1) g`,
    [clinics],
  );
  await client.query(`
    INSERT INTO users (clinic_id, email, name, role, password_hash)
    SELECT id, 'bench-' || id || '@bench.example', 'Bench specialist', 'specialist', 'not-a-hash'
    FROM clinics WHERE name LIKE 'Bench clinic %'`);
  await client.query(
    `
    WITH c AS (SELECT id, (row_number() OVER (ORDER BY id)) - 1 AS k, count(*) OVER () AS n
               FROM clinics WHERE name LIKE 'Bench clinic %')
    INSERT INTO patients (clinic_id, mrn, given_name, family_name, birth_date, sex, spasticity_origin, diagnosis, risk_factors)
    SELECT c.id, 'B' || g, 'Given' || g, 'Family' || (g % 5000), date '1950-01-01' + (g % 20000), 'female', 'spinal', 'ms',
           CASE WHEN g % 7 = 0 THEN ARRAY['prior_withdrawal'] ELSE '{}' END
    FROM generate_series(1, $1) g JOIN c ON c.k = g % c.n`,
    [pumps],
  );
  await client.query(`
    INSERT INTO pumps (clinic_id, patient_id, model, serial_number, implanted_on, reservoir_ml, alarm_ml, current_daily_dose_mcg, eri_date)
    SELECT p.clinic_id, p.id, 'synchromed_ii_20', 'S' || p.mrn, date '2021-01-01' + (abs(hashtext(p.mrn)) % 1800), 20, 2, 400,
           CASE WHEN abs(hashtext(p.mrn || 'eri')) % 100 = 0 THEN current_date + (abs(hashtext(p.mrn)) % 200) END
    FROM patients p JOIN clinics c ON c.id = p.clinic_id WHERE c.name LIKE 'Bench clinic %'`);
  // The worked example for every pump: 20 mL of 2000 mcg/mL at 400 mcg/day → alarm + 90 d, empty + 100 d.
  await client.query(`
    WITH src AS (
      SELECT pu.id AS pump_id, pu.clinic_id, u.id AS user_id,
             now() - ((abs(hashtext(pu.id::text)) % 12000) / 100.0) * interval '1 day' AS at,
             abs(hashtext(pu.id::text || 'r')) % 40 = 0 AS discrepant
      FROM pumps pu JOIN users u ON u.clinic_id = pu.clinic_id
      JOIN clinics c ON c.id = pu.clinic_id WHERE c.name LIKE 'Bench clinic %')
    INSERT INTO fills (clinic_id, pump_id, performed_at, performed_by, residual_withdrawn_ml, residual_found_ml,
      volume_added_ml, reservoir_volume_after_ml, drug_product, concentration_mcg_per_ml, lot_number, lot_expires_on,
      daily_dose_mcg, expected_residual_ml, discrepancy_ml, delivery_error_pct, alarm_at, empty_at, refill_by)
    SELECT clinic_id, pump_id, at, user_id, CASE WHEN discrepant THEN 6 ELSE 3.1 END,
           CASE WHEN discrepant THEN 6 ELSE 3.1 END, 20, 20, 'Lioresal Intrathecal',
           2000, 'LOT-B', date '2030-01-01', 400, 3, CASE WHEN discrepant THEN 3 ELSE 0.1 END,
           CASE WHEN discrepant THEN -17.6 ELSE -0.6 END,
           at + interval '90 days', at + interval '100 days', (at + interval '85 days')::date
    FROM src`);
  await client.query(`
    UPDATE pumps pu SET current_fill_id = f.id, alarm_at = f.alarm_at, empty_at = f.empty_at, refill_by = f.refill_by
    FROM fills f WHERE f.pump_id = pu.id AND pu.current_fill_id IS NULL`);
  // 1 % had an MRI in the last month; half of those were interrogated afterwards.
  await client.query(`
    INSERT INTO pump_events (clinic_id, pump_id, type, occurred_at, recorded_by)
    SELECT pu.clinic_id, pu.id, t.type, now() - interval '10 days' + t.after, u.id
    FROM pumps pu JOIN users u ON u.clinic_id = pu.clinic_id
    CROSS JOIN LATERAL (VALUES ('mri', interval '0'), ('interrogation', interval '1 hour')) t(type, after)
    WHERE pu.alarm_at IS NOT NULL AND abs(hashtext(pu.id::text || 'mri')) % 100 = 0
      AND (t.type = 'mri' OR abs(hashtext(pu.id::text || 'int')) % 2 = 0)`);
  // 0.5 % had their dose cut from 600 to 400 mcg/day yesterday.
  await client.query(`
    INSERT INTO dose_adjustments (clinic_id, pump_id, fill_id, effective_at, previous_daily_dose_mcg, new_daily_dose_mcg,
      reason, ordered_by, recorded_by, limit_check)
    SELECT pu.clinic_id, pu.id, pu.current_fill_id, now() - interval '1 day', 600, 400, 'side_effects', u.id, u.id, '{}'
    FROM pumps pu JOIN users u ON u.clinic_id = pu.clinic_id
    WHERE pu.alarm_at IS NOT NULL AND abs(hashtext(pu.id::text || 'dose')) % 200 = 0`);
  // A third have a refill booked a week before the alarm; one in twenty of those missed an earlier one.
  await client.query(`
    INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, status, created_by)
    SELECT pu.clinic_id, pu.patient_id, pu.id, 'refill', pu.alarm_at - interval '7 days', (pu.alarm_at - interval '7 days')::date,
           'booked', u.id
    FROM pumps pu JOIN users u ON u.clinic_id = pu.clinic_id
    WHERE pu.alarm_at IS NOT NULL AND abs(hashtext(pu.id::text || 'appt')) % 3 = 0`);
  await client.query(`
    INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, status, created_by)
    SELECT pu.clinic_id, pu.patient_id, pu.id, 'refill', now() - interval '2 days', (now() - interval '2 days')::date,
           'noshow', u.id
    FROM pumps pu JOIN users u ON u.clinic_id = pu.clinic_id
    WHERE pu.alarm_at IS NOT NULL AND abs(hashtext(pu.id::text || 'noshow')) % 20 = 0`);
  await client.query('VACUUM ANALYZE');
}

/**
 * Two years of history behind every pump: a refill about every 80 days before the current fill, each
 * answering to a refill-by and alarm (one in eleven late), each with the refill appointment it
 * fulfilled, and a missed appointment before one refill in thirty. Run after `generateClinics`.
 */
export async function generateHistory(client) {
  await client.query(`
    INSERT INTO fills (clinic_id, pump_id, performed_at, performed_by, residual_withdrawn_ml, residual_found_ml,
      volume_added_ml, reservoir_volume_after_ml, drug_product, concentration_mcg_per_ml, lot_number, lot_expires_on,
      daily_dose_mcg, expected_residual_ml, discrepancy_ml, delivery_error_pct, alarm_at, empty_at, refill_by,
      due_refill_by, due_alarm_at)
    SELECT f.clinic_id, f.pump_id, h.at, f.performed_by, 3, 3, 20, 20, 'Lioresal Intrathecal', 2000, 'LOT-H',
           date '2030-01-01', 400, 3, 0.1, -0.6, h.at + interval '90 days', h.at + interval '100 days',
           (h.at + interval '85 days')::date, (h.due - interval '5 days')::date, h.due
    FROM fills f
    CROSS JOIN LATERAL generate_series(1, 9) k
    CROSS JOIN LATERAL (
      SELECT f.performed_at - k * interval '80 days' - (abs(hashtext(f.id::text || k)) % 48) * interval '1 hour' AS at,
             f.performed_at - k * interval '80 days'
               + CASE WHEN abs(hashtext(f.id::text || k || 'late')) % 11 = 0 THEN interval '-2 days'
                      ELSE interval '10 days' END AS due
    ) h
    WHERE f.lot_number = 'LOT-B'`);
  await client.query(`
    INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, status, fill_id, created_by)
    SELECT f.clinic_id, p.patient_id, f.pump_id, 'refill', f.performed_at, f.performed_at::date, 'fulfilled', f.id,
           f.performed_by
    FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE f.lot_number = 'LOT-H'`);
  await client.query(`
    INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, status, created_by)
    SELECT f.clinic_id, p.patient_id, f.pump_id, 'refill', f.performed_at - interval '3 days',
           (f.performed_at - interval '3 days')::date, 'noshow', f.performed_by
    FROM fills f JOIN pumps p ON p.id = f.pump_id
    WHERE f.lot_number = 'LOT-H' AND abs(hashtext(f.id::text || 'ns')) % 30 = 0`);
  await client.query('VACUUM ANALYZE');
}
