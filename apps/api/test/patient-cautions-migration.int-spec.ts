import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source-options.js';
import {
  CNS_DEPRESSANTS_REVIEW_NOTE,
  PatientCautionsMedicines1764610000000,
} from '../src/database/migrations/1764610000000-patient-cautions-medicines.js';
import { createIsolatedDatabase } from './test-app.js';

const THIS_MIGRATION = 1764610000000;
const timestampOf = (migration: (typeof MIGRATIONS)[number]) => Number(/\d{13}$/.exec(migration.name)?.[0]);

interface PatientRow {
  mrn: string;
  cautions: string[];
  interacting_medicines: string[];
  notes: string | null;
  version: number;
}

/**
 * Patients stored with the old cautions move forward: age_over_65 goes (the birth date says it),
 * cns_depressants becomes a review line in the notes, each change is audited, and old manual flags
 * become withdrawal reports. Run on its own database, migrated up to just before this migration.
 */
describe('migration: cautions, interacting medicines and derived age bands', () => {
  let dataSource: DataSource;
  let clinicId: string;
  const migration = new PatientCautionsMedicines1764610000000();

  beforeAll(async () => {
    const url = await createIsolatedDatabase();
    dataSource = new DataSource({
      ...dataSourceOptions(url),
      migrations: MIGRATIONS.filter((m) => timestampOf(m) < THIS_MIGRATION),
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    [{ id: clinicId }] = (await dataSource.query(
      `INSERT INTO clinics (name, time_zone) VALUES ('Old clinic', 'Europe/London') RETURNING id`,
    )) as [{ id: string }];
    const insert = (mrn: string, cautions: string[], notes: string | null) =>
      dataSource.query(
        `INSERT INTO patients (clinic_id, mrn, given_name, family_name, birth_date, sex, spasticity_origin, diagnosis, cautions, notes)
         VALUES ($1, $2, 'Old', 'Record', '1950-01-01', 'male', 'spinal', 'ms', $3, $4) RETURNING id`,
        [clinicId, mrn, cautions, notes],
      ) as Promise<[{ id: string }]>;
    await insert('OLD-1', ['age_over_65', 'epilepsy'], null);
    await insert('OLD-2', ['cns_depressants', 'renal_impairment'], 'Lives with daughter.');
    await insert('OLD-3', ['cns_depressants'], null);
    await insert('OLD-4', ['pregnancy'], 'Untouched.');
    const [{ id: patientId }] = await insert('OLD-5', [], null);
    const [{ id: nurseId }] = (await dataSource.query(
      `INSERT INTO users (clinic_id, email, name, role, password_hash)
       VALUES ($1, 'old-nurse@test.example', 'Old nurse', 'nurse', 'x') RETURNING id`,
      [clinicId],
    )) as [{ id: string }];
    await dataSource.query(
      `INSERT INTO flags (clinic_id, patient_id, code, severity, raised_at, raised_by, details)
       VALUES ($1, $2, 'manual', 'critical', now(), $3, '{"summary": "Fever: at home", "signs": ["fever"]}')`,
      [clinicId, patientId, nurseId],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const patients = async () =>
    Object.fromEntries(
      (
        (await dataSource.query(
          `SELECT mrn, cautions, interacting_medicines, notes, version FROM patients WHERE clinic_id = $1`,
          [clinicId],
        )) as PatientRow[]
      ).map((p) => [p.mrn, p]),
    );

  it('drops age_over_65 and turns cns_depressants into a review line in the notes', async () => {
    const rows = await patients();
    expect(rows['OLD-1']).toMatchObject({ cautions: ['epilepsy'], interacting_medicines: [], notes: null, version: 2 });
    expect(rows['OLD-2']).toMatchObject({
      cautions: ['renal_impairment'],
      interacting_medicines: [],
      notes: `Lives with daughter.\n\n${CNS_DEPRESSANTS_REVIEW_NOTE}`,
      version: 2,
    });
    expect(rows['OLD-3']).toMatchObject({ cautions: [], notes: CNS_DEPRESSANTS_REVIEW_NOTE, version: 2 });
    expect(rows['OLD-4']).toMatchObject({ cautions: ['pregnancy'], notes: 'Untouched.', version: 1 });
  });

  it('audits each changed patient with the before and after, and no actor', async () => {
    const audits = (await dataSource.query(
      `SELECT a.actor_id, a.action, a.before, a.after, p.mrn FROM audit_events a JOIN patients p ON p.id = a.patient_id
       WHERE a.clinic_id = $1 ORDER BY p.mrn`,
      [clinicId],
    )) as { actor_id: string | null; action: string; before: unknown; after: unknown; mrn: string }[];
    expect(audits.map((a) => a.mrn)).toEqual(['OLD-1', 'OLD-2', 'OLD-3']);
    expect(audits[1]).toMatchObject({
      actor_id: null,
      action: 'patient.update',
      before: { cautions: ['cns_depressants', 'renal_impairment'], notes: 'Lives with daughter.' },
      after: { cautions: ['renal_impairment'] },
    });
  });

  it('refuses the retired cautions and unknown medicines from now on', async () => {
    await expect(
      dataSource.query(`UPDATE patients SET cautions = '{age_over_65}' WHERE clinic_id = $1`, [clinicId]),
    ).rejects.toThrow(/patients_cautions_check/);
    await expect(
      dataSource.query(`UPDATE patients SET interacting_medicines = '{aspirin}' WHERE clinic_id = $1`, [clinicId]),
    ).rejects.toThrow(/patients_interacting_medicines_check/);
    await dataSource.query(
      `UPDATE patients SET cautions = '{breastfeeding,stroke_history,hypersensitivity}' WHERE mrn = 'OLD-4' AND clinic_id = $1`,
      [clinicId],
    );
  });

  it('marks the manual flags recorded so far as withdrawal reports', async () => {
    const [flag] = (await dataSource.query(`SELECT details FROM flags WHERE clinic_id = $1`, [clinicId])) as [
      { details: Record<string, unknown> },
    ];
    expect(flag.details).toEqual({ summary: 'Fever: at home', signs: ['fever'], kind: 'withdrawal' });
  });

  it('goes back down to the old lists, restoring cns_depressants from the review line', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
    } finally {
      await runner.release();
    }
    const rows = (await dataSource.query(`SELECT mrn, cautions, notes FROM patients WHERE clinic_id = $1`, [
      clinicId,
    ])) as PatientRow[];
    const byMrn = Object.fromEntries(rows.map((r) => [r.mrn, r]));
    // Born 1950: 65 or over, so age_over_65 comes back for everyone.
    expect(byMrn['OLD-2']).toMatchObject({
      cautions: ['renal_impairment', 'age_over_65', 'cns_depressants'],
      notes: 'Lives with daughter.',
    });
    expect(byMrn['OLD-3']).toMatchObject({ cautions: ['age_over_65', 'cns_depressants'], notes: null });
    // Breastfeeding, stroke history and hypersensitivity have no old value: dropped.
    expect(byMrn['OLD-4']!.cautions).toEqual(['age_over_65']);
  });
});
