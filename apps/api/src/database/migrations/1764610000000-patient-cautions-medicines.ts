import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The line added to the notes of a patient whose record said "CNS depressants" without naming the medicine. */
export const CNS_DEPRESSANTS_REVIEW_NOTE =
  'REVIEW: "CNS depressants" was recorded as a caution before interacting medicines were listed one by one. ' +
  'Which medicine is not known: tick the ones the patient takes (opioids, benzodiazepines, alcohol, ' +
  'antidepressants, antihistamines, sleep medicines, other muscle relaxants, tizanidine).';

const NEW_CAUTIONS = `ARRAY['renal_impairment', 'epilepsy', 'pregnancy', 'breastfeeding', 'stroke_history', 'hypersensitivity']`;
const OLD_CAUTIONS = `ARRAY['renal_impairment', 'epilepsy', 'pregnancy', 'age_over_65', 'cns_depressants']`;
const MEDICINES = `ARRAY['opioids', 'benzodiazepines', 'alcohol', 'antidepressants', 'antihistamines', 'sleep_aids',
  'other_muscle_relaxants', 'tizanidine']`;

/**
 * Cautions become breastfeeding, stroke history and hypersensitivity besides renal impairment, epilepsy and
 * pregnancy; interacting medicines get their own list; age bands are derived from the birth date (DESIGN.md
 * "Patient"). Existing rows move forward: `age_over_65` is dropped (the birth date says it now), and
 * `cns_depressants` cannot be mapped to one medicine, so the fact is kept as a review line in the patient's
 * notes, which the chart shows, rather than guessed as a medicine. Each changed patient gets an audit row
 * (no actor: the migration) with the before and after. Manual flags recorded so far were withdrawal reports
 * and now say so.
 */
export class PatientCautionsMedicines1764610000000 implements MigrationInterface {
  name = 'PatientCautionsMedicines1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE patients DROP CONSTRAINT patients_cautions_check`);
    await q.query(
      `ALTER TABLE patients ADD COLUMN interacting_medicines text[] NOT NULL DEFAULT '{}'
         CONSTRAINT patients_interacting_medicines_check CHECK (interacting_medicines <@ ${MEDICINES})`,
    );
    await q.query(
      `WITH changed AS (
         SELECT id, clinic_id, cautions AS before_cautions, notes AS before_notes,
                array_remove(array_remove(cautions, 'age_over_65'), 'cns_depressants') AS after_cautions,
                CASE WHEN 'cns_depressants' = ANY(cautions)
                     THEN concat_ws(E'\\n\\n', nullif(notes, ''), $1::text) ELSE notes END AS after_notes
         FROM patients
         WHERE cautions && ARRAY['age_over_65', 'cns_depressants']
       ), updated AS (
         UPDATE patients p SET cautions = c.after_cautions, notes = c.after_notes,
                version = p.version + 1, updated_at = now()
         FROM changed c WHERE p.id = c.id
         RETURNING p.id
       )
       INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, before, after, reason)
       SELECT c.clinic_id, NULL, 'patient.update', 'patient', c.id::text, c.id,
              jsonb_build_object('cautions', to_jsonb(c.before_cautions), 'notes', c.before_notes),
              jsonb_build_object('cautions', to_jsonb(c.after_cautions), 'notes', c.after_notes),
              'Migration: age bands are derived from the birth date; CNS depressants are now listed one by one'
       FROM changed c JOIN updated u ON u.id = c.id`,
      [CNS_DEPRESSANTS_REVIEW_NOTE],
    );
    await q.query(`ALTER TABLE patients ADD CONSTRAINT patients_cautions_check CHECK (cautions <@ ${NEW_CAUTIONS})`);
    await q.query(
      `UPDATE flags SET details = details || '{"kind": "withdrawal"}'::jsonb
       WHERE code = 'manual' AND NOT details ? 'kind'`,
    );
  }

  /**
   * Back to the old lists. Lossy by nature: breastfeeding, stroke history and hypersensitivity have no old
   * value and are dropped; any interacting medicine becomes `cns_depressants`; `age_over_65` comes back for
   * patients 65 or over today.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE patients DROP CONSTRAINT patients_cautions_check`);
    await q.query(
      `UPDATE patients SET
         cautions = ARRAY(SELECT unnest(cautions) INTERSECT SELECT unnest(ARRAY['renal_impairment', 'epilepsy', 'pregnancy']))
           || CASE WHEN birth_date <= current_date - interval '65 years' THEN ARRAY['age_over_65'] ELSE '{}'::text[] END
           || CASE WHEN cardinality(interacting_medicines) > 0 OR position($1::text in coalesce(notes, '')) > 0
                   THEN ARRAY['cns_depressants'] ELSE '{}'::text[] END,
         notes = nullif(replace(replace(notes, E'\\n\\n' || $1::text, ''), $1::text, ''), '')`,
      [CNS_DEPRESSANTS_REVIEW_NOTE],
    );
    await q.query(`ALTER TABLE patients DROP COLUMN interacting_medicines`);
    await q.query(`ALTER TABLE patients ADD CONSTRAINT patients_cautions_check CHECK (cautions <@ ${OLD_CAUTIONS})`);
  }
}
