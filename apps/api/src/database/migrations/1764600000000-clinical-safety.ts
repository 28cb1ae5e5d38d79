import { compareResidual, type DrainInput } from '@itb/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_RULE_CODES = [
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
];
const NEW_RULE_CODES = [
  'APPOINTMENT_AFTER_EMPTY',
  'PUMP_ALARM_RECORDED',
  'PUMP_STOPPED',
  'WITHDRAWAL_WATCH',
  'DOSE_ESCALATION',
];
const OLD_EVENT_TYPES = [
  'interrogation',
  'mri',
  'alarm_low_reservoir',
  'alarm_critical',
  'catheter_revision',
  'pump_replacement',
  'explant',
  'bolus',
];
const NEW_EVENT_TYPES = [
  'alarm_eri',
  'alarm_empty_reservoir',
  'alarm_end_of_service',
  'alarm_motor_stall',
  'alarm_critical_memory',
  'pump_stopped',
  'pump_restarted',
  'bridge_bolus',
  'priming_bolus',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 11, clinical safety: the refill keeps what it found and asked (residual found = withdrawn + left in
 * the reservoir, patient boluses, the mixed concentration and real dose, how long the pump was dry, the
 * bridge and priming answers); new pump events (alarm kinds, stopped / restarted, bridge and priming
 * boluses) and rule codes; indexes for the dose history across fills. Existing rows move forward: the
 * residual found of earlier refills is what was withdrawn plus what was left, and resolved
 * RESIDUAL_DISCREPANCY flags name their fill so a resolution holds for it.
 */
export class ClinicalSafety1764600000000 implements MigrationInterface {
  name = 'ClinicalSafety1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE fills
        ADD COLUMN residual_found_ml numeric(6,2) CHECK (residual_found_ml >= 0),
        ADD COLUMN patient_boluses_delivered_ml numeric(6,2) CHECK (patient_boluses_delivered_ml >= 0),
        ADD COLUMN mixed_concentration_mcg_per_ml numeric(7,1) CHECK (mixed_concentration_mcg_per_ml > 0),
        ADD COLUMN real_daily_dose_mcg numeric(7,1) CHECK (real_daily_dose_mcg > 0),
        ADD COLUMN empty_since timestamptz,
        ADD COLUMN bridge_bolus_given boolean,
        ADD COLUMN priming_bolus_given boolean`);
    await q.query(`
      UPDATE fills SET residual_found_ml = residual_withdrawn_ml + greatest(0, reservoir_volume_after_ml - volume_added_ml)
      WHERE residual_withdrawn_ml IS NOT NULL`);
    await q.query(`ALTER TABLE fills ADD CONSTRAINT fills_found_with_withdrawn
      CHECK ((residual_withdrawn_ml IS NULL) = (residual_found_ml IS NULL))`);
    await recomputeResidualsWithoutAllowance(q);

    await q.query(
      `ALTER TABLE pump_events DROP CONSTRAINT pump_events_volume_only_for_bolus, DROP CONSTRAINT pump_events_type_check`,
    );
    await q.query(`
      ALTER TABLE pump_events
        ADD CONSTRAINT pump_events_type_check CHECK (type IN (${list([...OLD_EVENT_TYPES, ...NEW_EVENT_TYPES])})),
        ADD CONSTRAINT pump_events_volume_only_for_bolus
          CHECK ((type IN ('bolus', 'bridge_bolus', 'priming_bolus')) = (volume_ml IS NOT NULL))`);
    await q.query(`CREATE INDEX pump_events_pump_type_idx ON pump_events (pump_id, type, occurred_at DESC)`);
    await q.query(`CREATE INDEX dose_adjustments_pump_idx ON dose_adjustments (pump_id, effective_at DESC)`);

    await q.query(`ALTER TABLE flags DROP CONSTRAINT flags_code_check`);
    await q.query(`ALTER TABLE flags ADD CONSTRAINT flags_code_check
      CHECK (code IN (${list([...OLD_RULE_CODES, ...NEW_RULE_CODES, 'manual'])}))`);
    await q.query(`
      UPDATE flags f SET details = jsonb_set(f.details, '{facts,fillId}', to_jsonb(fi.id::text))
      FROM fills fi
      WHERE f.code = 'RESIDUAL_DISCREPANCY' AND fi.pump_id = f.pump_id
        AND fi.performed_at = (f.details->'facts'->>'fillAt')::timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM flags WHERE code IN (${list(NEW_RULE_CODES)})`);
    await q.query(`ALTER TABLE flags DROP CONSTRAINT flags_code_check`);
    await q.query(
      `ALTER TABLE flags ADD CONSTRAINT flags_code_check CHECK (code IN (${list([...OLD_RULE_CODES, 'manual'])}))`,
    );
    await q.query(`DROP INDEX dose_adjustments_pump_idx`);
    await q.query(`DROP INDEX pump_events_pump_type_idx`);
    await q.query(`DELETE FROM pump_events WHERE type IN (${list(NEW_EVENT_TYPES)})`);
    await q.query(
      `ALTER TABLE pump_events DROP CONSTRAINT pump_events_volume_only_for_bolus, DROP CONSTRAINT pump_events_type_check`,
    );
    await q.query(`
      ALTER TABLE pump_events
        ADD CONSTRAINT pump_events_type_check CHECK (type IN (${list(OLD_EVENT_TYPES)})),
        ADD CONSTRAINT pump_events_volume_only_for_bolus CHECK ((type = 'bolus') = (volume_ml IS NOT NULL))`);
    await q.query(`
      ALTER TABLE fills DROP CONSTRAINT fills_found_with_withdrawn,
        DROP COLUMN residual_found_ml, DROP COLUMN patient_boluses_delivered_ml,
        DROP COLUMN mixed_concentration_mcg_per_ml, DROP COLUMN real_daily_dose_mcg, DROP COLUMN empty_since,
        DROP COLUMN bridge_bolus_given, DROP COLUMN priming_bolus_given`);
  }
}

interface StoredFill {
  id: string;
  pump_id: string;
  performed_at: Date;
  reservoir_volume_after_ml: string;
  concentration_mcg_per_ml: string;
  daily_dose_mcg: string;
  residual_found_ml: string | null;
}

/**
 * Refills after a fill with a patient bolus allowance were reconciled as if the whole allowance had been
 * used. Recompute their expected residual, discrepancy and delivery error with the programme alone (DESIGN.md
 * v2 "Expected residual"), with the reservoir engine as it stands when this migration runs. Only those
 * refills change; every other stored number is already what the engine gives.
 */
async function recomputeResidualsWithoutAllowance(q: QueryRunner): Promise<void> {
  const pairs = (await q.query(`
    SELECT prev.id AS prev_id, cur.id AS cur_id
    FROM fills prev
    JOIN LATERAL (
      SELECT f.* FROM fills f WHERE f.pump_id = prev.pump_id AND f.performed_at > prev.performed_at
      ORDER BY f.performed_at LIMIT 1
    ) cur ON true
    WHERE prev.patient_bolus_mcg_per_day IS NOT NULL AND cur.residual_found_ml IS NOT NULL`)) as {
    prev_id: string;
    cur_id: string;
  }[];
  for (const { prev_id, cur_id } of pairs) {
    const [prev, cur] = (await q.query(`SELECT * FROM fills WHERE id = ANY($1::uuid[]) ORDER BY performed_at`, [
      [prev_id, cur_id],
    ])) as [StoredFill, StoredFill];
    const changes = (await q.query(
      `SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments WHERE fill_id = $1 ORDER BY effective_at`,
      [prev.id],
    )) as { effective_at: Date; new_daily_dose_mcg: string }[];
    const boluses = (await q.query(
      `SELECT occurred_at, volume_ml FROM pump_events
       WHERE pump_id = $1 AND type = 'bolus' AND occurred_at > $2 AND occurred_at <= $3`,
      [prev.pump_id, prev.performed_at, cur.performed_at],
    )) as { occurred_at: Date; volume_ml: string }[];
    const drain: DrainInput = {
      fill: {
        performedAt: prev.performed_at,
        reservoirVolumeAfterMl: Number(prev.reservoir_volume_after_ml),
        concentrationMcgPerMl: Number(prev.concentration_mcg_per_ml),
        dailyDoseMcg: Number(prev.daily_dose_mcg),
        patientBolusMcgPerDay: null,
      },
      doseChanges: changes.map((c) => ({ effectiveAt: c.effective_at, newDailyDoseMcg: Number(c.new_daily_dose_mcg) })),
      boluses: boluses.map((b) => ({ at: b.occurred_at, volumeMl: Number(b.volume_ml) })),
    };
    const comparison = compareResidual(drain, cur.performed_at, Number(cur.residual_found_ml));
    await q.query(
      `UPDATE fills SET expected_residual_ml = $2, discrepancy_ml = $3, delivery_error_pct = $4 WHERE id = $1`,
      [cur.id, comparison.expectedResidualMl, comparison.discrepancyMl, comparison.deliveryErrorPct],
    );
  }
}
