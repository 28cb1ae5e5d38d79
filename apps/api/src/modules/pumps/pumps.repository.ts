import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { queryPrepared } from '../../common/prepared-query.js';
import { readAll } from '../../common/stale-reads.js';
import {
  type BolusVolume,
  type ClinicSchedule,
  DOSE_LIMIT_WINDOW_MS,
  type DrainInput,
  type ProgrammedDose,
} from '@itb/domain';
import type { SpasticityOrigin } from '@itb/contracts';
import { DoseAdjustmentEntity } from '../dose-adjustments/dose-adjustment.entity.js';
import { FillEntity } from './fill.entity.js';
import { drainInputFromJson, type DrainInputJson, drainInputSql } from './drain-input-sql.js';
import {
  doseStepsJson,
  fillContextColumns,
  type FillContextRow,
  parseDoseSteps,
  PUMP_VIEW_SQL,
  type PumpView,
  pumpViewOf,
  type PumpViewRow,
} from './fill-context.sql.js';
import { drainInputOf } from './pump-mappers.js';
import { PumpEntity } from './pump.entity.js';
import { FULFIL_REFILL_APPOINTMENTS } from '../appointments/fulfil-refill-appointments.sql.js';

export interface PumpState {
  fill: FillEntity;
  adjustments: DoseAdjustmentEntity[];
  boluses: BolusVolume[];
  drain: DrainInput;
}

/** What a refill or a dose change is checked against, read in one statement (see `clinicalWriteContext`). */
export interface ClinicalWriteContext {
  /** The current fill (null when the pump has none): its id, when it was done, the last change since, its drain. */
  current: { fillId: string; performedAt: Date; lastChangeAt: Date; drain: DrainInput } | null;
  /** The clinic's settings (null when the clinic is not found). */
  clinic: ClinicSchedule | null;
  patient: { spasticityOrigin: SpasticityOrigin; birthDate: string };
  /** The programmed dose steps from `stepsSince` on (as `doseStepsSince`). */
  doseSteps: ProgrammedDose[];
  /** The implant's first fill. */
  firstFillAt: Date;
  /** The first empty-reservoir alarm after the current fill. */
  emptyAlarmAt: Date | null;
  /** The specialist named by `orderedById`, when asked and active in this clinic. */
  orderedBy: { id: string; name: string } | null;
}

/**
 * The write context's columns, given the pump's id, the instant the dose steps start from, the clinic's id
 * and the ordering specialist's id as SQL expressions, over the aliases `c` (clinic), `pt` (patient) and
 * `f` (current fill, outer-joined).
 */
const writeContextColumns = (pumpId: string, stepsSince: string, clinicId: string, orderedById: string) => `
          c.id AS clinic_id, c.time_zone, c.refill_lead_days, c.max_drug_days_in_pump,
          pt.spasticity_origin, pt.birth_date::text AS birth_date,
          ${fillContextColumns(pumpId, stepsSince)},
          (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u
           WHERE u.id = ${orderedById} AND u.clinic_id = ${clinicId} AND u.role = 'specialist' AND u.is_active) AS ordered_by`;

/** $1 pump, $2 dose steps since, $3 clinic, $4 current fill, $5 patient, $6 ordering specialist (or null). */
const CLINICAL_WRITE_CONTEXT_SQL = `SELECT ${writeContextColumns('$1', '$2', '$3', '$6')}
   FROM patients pt
   LEFT JOIN clinics c ON c.id = $3
   LEFT JOIN fills f ON f.id = $4
   WHERE pt.id = $5`;

/**
 * The pump of a clinical write, locked, with its write context in the same statement: $1 pump, $2 clinic,
 * $3 dose steps since, $4 ordering specialist (or null). The context is read in the statement's snapshot;
 * `is_as_read` says whether the locked row is the one that snapshot holds. It is not when another write
 * on the pump committed while this one waited for the lock (PostgreSQL then locks and answers the newer
 * row): the context is read again then.
 */
const LOCKED_WRITE_CONTEXT_SQL = `SELECT
          p.id AS pump_id, p.clinic_id AS pump_clinic_id, p.patient_id AS pump_patient_id, p.model,
          p.serial_number, p.implanted_on::text AS implanted_on, p.reservoir_ml, p.alarm_ml, p.catheter_tip_level,
          p.eri_date::text AS eri_date, p.status, p.explanted_on::text AS explanted_on, p.explant_reason,
          p.current_fill_id, p.current_daily_dose_mcg, p.alarm_at, p.empty_at, p.refill_by::text AS refill_by,
          p.version, p.created_at, p.updated_at,
          p.xmin = (SELECT s.xmin FROM pumps s WHERE s.id = p.id) AS is_as_read,
          ${writeContextColumns('p.id', '$3', 'p.clinic_id', '$4')}
   FROM pumps p
   JOIN patients pt ON pt.id = p.patient_id
   LEFT JOIN clinics c ON c.id = p.clinic_id
   LEFT JOIN fills f ON f.id = p.current_fill_id
   WHERE p.id = $1 AND p.clinic_id = $2
   FOR UPDATE OF p`;

interface LockedPumpRow {
  pump_id: string;
  pump_clinic_id: string;
  pump_patient_id: string;
  model: PumpEntity['model'];
  serial_number: string;
  implanted_on: string;
  reservoir_ml: string;
  alarm_ml: string;
  catheter_tip_level: string | null;
  eri_date: string | null;
  status: PumpEntity['status'];
  explanted_on: string | null;
  explant_reason: string | null;
  current_fill_id: string | null;
  current_daily_dose_mcg: string | null;
  alarm_at: Date | null;
  empty_at: Date | null;
  refill_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  is_as_read: boolean;
}

interface ClinicalWriteContextRow extends FillContextRow {
  clinic_id: string | null;
  time_zone: string;
  refill_lead_days: number;
  max_drug_days_in_pump: number;
  spasticity_origin: SpasticityOrigin;
  birth_date: string;
  ordered_by: { id: string; name: string } | null;
}

const writeContextOf = (row: ClinicalWriteContextRow): ClinicalWriteContext => {
  const drain = row.drain ? drainInputFromJson(row.drain) : null;
  const current =
    row.fill_id === null || !drain
      ? null
      : {
          fillId: row.fill_id,
          performedAt: row.performed_at,
          lastChangeAt: drain.doseChanges?.at(-1)?.effectiveAt ?? row.performed_at,
          drain,
        };
  return {
    current,
    clinic:
      row.clinic_id === null
        ? null
        : {
            timeZone: row.time_zone,
            refillLeadDays: row.refill_lead_days,
            maxDrugDaysInPump: row.max_drug_days_in_pump,
          },
    patient: { spasticityOrigin: row.spasticity_origin, birthDate: row.birth_date },
    doseSteps: parseDoseSteps(row.dose_steps),
    firstFillAt: row.first_fill_at,
    emptyAlarmAt: row.empty_alarm_at,
    orderedBy: row.ordered_by,
  };
};

/** What `recordRefill` writes: the new fill, the pump with its new projection, the fill's audit row. */
export interface RefillWrite {
  fill: FillEntity;
  /** The locked pump, its dose and projection already moved to the fill. */
  pump: PumpEntity;
  expectedVersion: number;
  /** The clinic day of the refill, on which a booked refill appointment is fulfilled by it. */
  performedOn: string;
  audit: { actorId: string; after: object; reason: string | null; requestId: string | null };
}

/** See `recordRefill`. The audit rows are those `AuditService.record` and `fulfilByFill` wrote one by one. */
const RECORD_REFILL_SQL = `
  WITH fill AS (
    INSERT INTO fills (id, clinic_id, pump_id, performed_at, performed_by, is_initial, residual_withdrawn_ml,
      residual_found_ml, patient_boluses_delivered_ml, volume_added_ml, reservoir_volume_after_ml, drug_product,
      concentration_mcg_per_ml, mixed_concentration_mcg_per_ml, real_daily_dose_mcg, empty_since,
      bridge_bolus_given, priming_bolus_given, lot_number, lot_expires_on, daily_dose_mcg, mode, flex_steps,
      patient_bolus_mcg_per_day, notes, expected_residual_ml, discrepancy_ml, delivery_error_pct, alarm_at,
      empty_at, refill_by, due_refill_by, due_alarm_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
      $23::jsonb, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)
    RETURNING id
  ), pump AS (
    UPDATE pumps SET current_fill_id = $1, current_daily_dose_mcg = $34, alarm_at = $35, empty_at = $36,
      refill_by = $37, version = version + 1, updated_at = now()
    WHERE id = $3 AND version = $38
    RETURNING version
  ), fulfilled AS (
    ${FULFIL_REFILL_APPOINTMENTS('$1', '$39', '$2', '$40')}
  ), audited AS (
    INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, before, after, reason,
      request_id)
    SELECT $2::uuid, $41::uuid, 'fill.create', 'fill', $1::text, $39::uuid, NULL::jsonb, $42::jsonb, $43::text, $44::text
    UNION ALL
    SELECT $2, $41, 'appointment.fulfilled', 'appointment', a.id::text, $39, NULL, jsonb_build_object('status',
           'fulfilled', 'fillId', $1::text), NULL, $44
    FROM fulfilled a
  )
  SELECT (SELECT count(*) FROM pump)::int AS pumps_updated`;

/** What `recordDoseChange` writes: the dose adjustment, the pump with its new projection, its audit row. */
export interface DoseChangeWrite {
  adjustment: DoseAdjustmentEntity;
  /** The locked pump, its dose and projection already moved to the change. */
  pump: PumpEntity;
  expectedVersion: number;
  audit: { actorId: string; before: object; after: object; reason: string | null; requestId: string | null };
}

/** See `recordDoseChange`. The audit row is the one `AuditService.record` wrote. */
const RECORD_DOSE_CHANGE_SQL = `
  WITH adjustment AS (
    INSERT INTO dose_adjustments (id, clinic_id, pump_id, fill_id, effective_at, previous_daily_dose_mcg,
      new_daily_dose_mcg, reason, ordered_by, recorded_by, override_reason, limit_check, notes)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13)
    RETURNING created_at
  ), pump AS (
    UPDATE pumps SET current_daily_dose_mcg = $14, alarm_at = $15, empty_at = $16, refill_by = $17,
      version = version + 1, updated_at = now()
    WHERE id = $3 AND version = $18
    RETURNING version
  ), audited AS (
    INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, before, after, reason,
      request_id)
    VALUES ($2, $19, 'dose_adjustment.create', 'dose_adjustment', $1::text, $20, $21::jsonb, $22::jsonb, $23, $24)
  )
  SELECT (SELECT count(*) FROM pump)::int AS pumps_updated, (SELECT created_at FROM adjustment) AS created_at`;

/** The only place that reads and writes pumps and fills. */
@Injectable()
export class PumpsRepository {
  async findInClinic(m: EntityManager, clinicId: string, id: string): Promise<PumpEntity> {
    const pump = await m.findOneBy(PumpEntity, { id, clinicId });
    if (!pump) throw AppError.notFound('Pump');
    return pump;
  }

  /**
   * The pump a clinical write was made on, locked for this transaction: writes on one pump take turns,
   * so a write made on a version another just replaced answers 409 before reading anything.
   */
  async lockAtVersion(m: EntityManager, clinicId: string, id: string, expectedVersion: number): Promise<PumpEntity> {
    const pump = await m.findOne(PumpEntity, { where: { id, clinicId }, lock: { mode: 'pessimistic_write' } });
    if (!pump) throw AppError.notFound('Pump');
    if (pump.version !== expectedVersion) throw AppError.stale('pump');
    return pump;
  }

  /** The patient's active pump; with `clinicId`, only in that clinic (so it can be read beside the patient's check). */
  findActiveForPatient(m: EntityManager, patientId: string, clinicId?: string): Promise<PumpEntity | null> {
    return m.findOneBy(PumpEntity, { patientId, status: 'active', ...(clinicId && { clinicId }) });
  }

  findCurrentFill(m: EntityManager, pump: PumpEntity): Promise<FillEntity | null> {
    return pump.currentFillId ? m.findOneBy(FillEntity, { id: pump.currentFillId }) : Promise.resolve(null);
  }

  adjustmentsDuring(m: EntityManager, fillId: string): Promise<DoseAdjustmentEntity[]> {
    return m.find(DoseAdjustmentEntity, { where: { fillId }, order: { effectiveAt: 'ASC' } });
  }

  /**
   * The current fill and the dose changes since: everything the engine needs to project this pump. The
   * three reads go side by side on the pool (one after another inside a transaction).
   */
  async stateOf(m: EntityManager, pump: PumpEntity): Promise<PumpState | null> {
    const fillId = pump.currentFillId;
    if (!fillId) return null;
    const [fill, adjustments, boluses] = await readAll(m, [
      () => m.findOneBy(FillEntity, { id: fillId }),
      () => this.adjustmentsDuring(m, fillId),
      () => this.bolusesOf(m, pump.id),
    ] as const);
    if (!fill) return null;
    const since = boluses.filter((b) => b.at > fill.performedAt);
    return { fill, adjustments, boluses: since, drain: drainInputOf(fill, adjustments, since) };
  }

  /**
   * A pump's current fill as its record and its refill and dose-change forms show it (null when it has
   * none), in one statement: the fill, its drain (dose changes, boluses after it), the empty-reservoir
   * alarm since, the implant's first fill and the dose steps a new dose is checked against (from the one
   * in force 24 h before the last change).
   */
  async viewOf(m: EntityManager, pump: PumpEntity): Promise<PumpView | null> {
    if (!pump.currentFillId) return null;
    const [row] = await queryPrepared<PumpViewRow>(m, PUMP_VIEW_SQL, [
      pump.id,
      pump.currentFillId,
      DOSE_LIMIT_WINDOW_MS,
    ]);
    return row ? pumpViewOf(row) : null;
  }

  /**
   * What each fill's reservoir drains by (the fill, its dose changes, the one-off boluses after it), for
   * a page of fills in one statement: a list reads them without loading entities.
   */
  async drainInputsOf(m: EntityManager, fillIds: readonly string[]): Promise<Map<string, DrainInput>> {
    if (fillIds.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT f.id, ${drainInputSql('f')} AS drain FROM fills f WHERE f.id = ANY($1::uuid[])`,
      [[...fillIds]],
    )) as { id: string; drain: DrainInputJson }[];
    return new Map(rows.map((r) => [r.id, drainInputFromJson(r.drain)]));
  }

  /** The one-off boluses given to a pump, oldest first. */
  private async bolusesOf(m: EntityManager, pumpId: string): Promise<BolusVolume[]> {
    const rows = (await m.query(
      `SELECT e.occurred_at, e.volume_ml FROM pump_events e
       WHERE e.type IN ('bolus', 'bridge_bolus', 'priming_bolus') AND e.pump_id = $1
       ORDER BY e.occurred_at`,
      [pumpId],
    )) as { occurred_at: Date; volume_ml: string }[];
    return rows.map((r) => ({ at: r.occurred_at, volumeMl: Number(r.volume_ml) }));
  }

  /**
   * The programmed dose steps of a pump, from fills (the first one too) and dose adjustments: the step in
   * force at `since` and every one after it, oldest first (DESIGN.md "Dose-change limits": across fills).
   */
  async doseStepsSince(m: EntityManager, pumpId: string, since: Date): Promise<ProgrammedDose[]> {
    const [row] = (await m.query(`SELECT (${doseStepsJson('$1', '$2')}) AS steps`, [pumpId, since])) as {
      steps: { at: string; dose: number }[];
    }[];
    return parseDoseSteps(row!.steps);
  }

  /**
   * Everything a refill or a dose change on `pump` is checked against, in one round trip: the current
   * fill with its dose changes and boluses (as `stateOf`), the clinic's schedule, the patient, the dose
   * steps since `stepsSince`, the first fill, the empty alarm since the current fill and, for a dose
   * change, the ordering specialist. Times compare as the separate reads did: a bolus counts when its
   * millisecond is after the fill's (they were compared as JavaScript dates), the empty alarm when it
   * is after the fill's instant cut to the millisecond (the Date the read passed to SQL).
   */
  async clinicalWriteContext(
    m: EntityManager,
    pump: PumpEntity,
    stepsSince: Date,
    orderedById: string | null = null,
  ): Promise<ClinicalWriteContext> {
    const [row] = await queryPrepared<ClinicalWriteContextRow>(m, CLINICAL_WRITE_CONTEXT_SQL, [
      pump.id,
      stepsSince,
      pump.clinicId,
      pump.currentFillId,
      pump.patientId,
      orderedById,
    ]);
    if (!row) throw new Error(`patient ${pump.patientId} of pump ${pump.id} not found`);
    return writeContextOf(row);
  }

  /**
   * `lockAtVersion` and `clinicalWriteContext` in one round trip: the pump of a clinical write, locked for
   * its transaction (a stale version answers 409 before anything is checked), with everything the write
   * is checked against. When another write on the pump committed while this one waited for the lock, the
   * context is read again, so it always holds what that write stored.
   */
  async lockWithWriteContext(
    m: EntityManager,
    clinicId: string,
    id: string,
    expectedVersion: number,
    stepsSince: Date,
    orderedById: string | null = null,
  ): Promise<{ pump: PumpEntity; context: ClinicalWriteContext }> {
    const [row] = await queryPrepared<LockedPumpRow & ClinicalWriteContextRow>(m, LOCKED_WRITE_CONTEXT_SQL, [
      id,
      clinicId,
      stepsSince,
      orderedById,
    ]);
    if (!row) throw AppError.notFound('Pump');
    if (row.version !== expectedVersion) throw AppError.stale('pump');
    const pump = Object.assign(new PumpEntity(), {
      id: row.pump_id,
      clinicId: row.pump_clinic_id,
      patientId: row.pump_patient_id,
      model: row.model,
      serialNumber: row.serial_number,
      implantedOn: row.implanted_on,
      reservoirMl: Number(row.reservoir_ml),
      alarmMl: Number(row.alarm_ml),
      catheterTipLevel: row.catheter_tip_level,
      eriDate: row.eri_date,
      status: row.status,
      explantedOn: row.explanted_on,
      explantReason: row.explant_reason,
      currentFillId: row.current_fill_id,
      currentDailyDoseMcg: row.current_daily_dose_mcg === null ? null : Number(row.current_daily_dose_mcg),
      alarmAt: row.alarm_at,
      emptyAt: row.empty_at,
      refillBy: row.refill_by,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    const context = row.is_as_read
      ? writeContextOf(row)
      : await this.clinicalWriteContext(m, pump, stepsSince, orderedById);
    return { pump, context };
  }

  /**
   * A refill's rows in one statement: the fill, the pump moved to it (version + 1; a version other than
   * `expectedVersion` answers 409), the refill appointments of the patient that day fulfilled by it
   * (`FULFIL_REFILL_APPOINTMENTS`), and the audit rows, the fill's first, then one per fulfilled appointment.
   */
  async recordRefill(m: EntityManager, refill: RefillWrite): Promise<void> {
    const { fill, pump, expectedVersion, audit } = refill;
    const [row] = await queryPrepared<{ pumps_updated: number }>(m, RECORD_REFILL_SQL, [
      fill.id,
      fill.clinicId,
      fill.pumpId,
      fill.performedAt,
      fill.performedBy,
      fill.isInitial,
      fill.residualWithdrawnMl,
      fill.residualFoundMl,
      fill.patientBolusesDeliveredMl,
      fill.volumeAddedMl,
      fill.reservoirVolumeAfterMl,
      fill.drugProduct,
      fill.concentrationMcgPerMl,
      fill.mixedConcentrationMcgPerMl,
      fill.realDailyDoseMcg,
      fill.emptySince,
      fill.bridgeBolusGiven,
      fill.primingBolusGiven,
      fill.lotNumber,
      fill.lotExpiresOn,
      fill.dailyDoseMcg,
      fill.mode,
      fill.flexSteps === null || fill.flexSteps === undefined ? null : JSON.stringify(fill.flexSteps),
      fill.patientBolusMcgPerDay,
      fill.notes,
      fill.expectedResidualMl,
      fill.discrepancyMl,
      fill.deliveryErrorPct,
      fill.alarmAt,
      fill.emptyAt,
      fill.refillBy,
      fill.dueRefillBy,
      fill.dueAlarmAt,
      pump.currentDailyDoseMcg,
      pump.alarmAt,
      pump.emptyAt,
      pump.refillBy,
      expectedVersion,
      pump.patientId,
      refill.performedOn,
      audit.actorId,
      JSON.stringify(audit.after),
      audit.reason,
      audit.requestId,
    ]);
    if (row?.pumps_updated !== 1) throw AppError.stale('pump');
  }

  /**
   * A dose change's rows in one statement: the adjustment, the pump moved to it (version + 1; a version
   * other than `expectedVersion` answers 409) and its audit row. Sets the adjustment's `createdAt`.
   */
  async recordDoseChange(m: EntityManager, change: DoseChangeWrite): Promise<void> {
    const { adjustment: a, pump, expectedVersion, audit } = change;
    const [row] = await queryPrepared<{ pumps_updated: number; created_at: Date }>(m, RECORD_DOSE_CHANGE_SQL, [
      a.id,
      a.clinicId,
      a.pumpId,
      a.fillId,
      a.effectiveAt,
      a.previousDailyDoseMcg,
      a.newDailyDoseMcg,
      a.reason,
      a.orderedBy,
      a.recordedBy,
      a.overrideReason,
      JSON.stringify(a.limitCheck),
      a.notes,
      pump.currentDailyDoseMcg,
      pump.alarmAt,
      pump.emptyAt,
      pump.refillBy,
      expectedVersion,
      audit.actorId,
      pump.patientId,
      JSON.stringify(audit.before),
      JSON.stringify(audit.after),
      audit.reason,
      audit.requestId,
    ]);
    if (row?.pumps_updated !== 1) throw AppError.stale('pump');
    a.createdAt = row.created_at;
  }

  /** Saves a changed pump only if nobody else changed it since `expectedVersion` (optimistic lock). */
  async saveVersioned(m: EntityManager, pump: PumpEntity, expectedVersion: number): Promise<PumpEntity> {
    await this.updateVersioned(m, pump, expectedVersion);
    return m.findOneByOrFail(PumpEntity, { id: pump.id });
  }

  /** The update of `saveVersioned` (refills and dose changes move the version in their one write statement). */
  private async updateVersioned(m: EntityManager, pump: PumpEntity, expectedVersion: number): Promise<void> {
    const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = pump;
    const result = await m
      .createQueryBuilder()
      .update(PumpEntity)
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .returning(['version', 'updatedAt'])
      .execute();
    if (result.affected !== 1) throw AppError.stale('pump');
  }
}
