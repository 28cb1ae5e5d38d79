import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { queryPrepared } from '../../common/prepared-query.js';
import { readAll } from '../../common/stale-reads.js';
import type { BolusVolume, ClinicSchedule, DrainInput, ProgrammedDose } from '@itb/domain';
import type { SpasticityOrigin } from '@itb/contracts';
import { DoseAdjustmentEntity } from '../dose-adjustments/dose-adjustment.entity.js';
import { FillEntity } from './fill.entity.js';
import { drainInputFromJson, type DrainInputJson, drainInputSql } from './drain-input-sql.js';
import { drainInputOf } from './pump-mappers.js';
import { PumpEntity } from './pump.entity.js';

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
  /** The implant's first fill (as `firstFillAt`). */
  firstFillAt: Date;
  /** The first empty-reservoir alarm after the current fill (as `emptyAlarmSince`). */
  emptyAlarmAt: Date | null;
  /** The specialist named by `orderedById`, when asked and active in this clinic. */
  orderedBy: { id: string; name: string } | null;
}

/**
 * The programmed dose steps of pump $1 as JSON (oldest first): the step in force at $2 and every one after.
 * Reads only the one fill and dose change at or before $2 and those after it, not the pump's whole history.
 */
const DOSE_STEPS_JSON = `
  SELECT coalesce(json_agg(json_build_object('at', s.at, 'dose', s.dose) ORDER BY s.at), '[]')
  FROM (
    (SELECT b.at, b.dose FROM (
       (SELECT performed_at AS at, daily_dose_mcg AS dose FROM fills
        WHERE pump_id = $1 AND performed_at <= $2 ORDER BY performed_at DESC LIMIT 1)
       UNION ALL
       (SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments
        WHERE pump_id = $1 AND effective_at <= $2 ORDER BY effective_at DESC LIMIT 1)
     ) b ORDER BY b.at DESC LIMIT 1)
    UNION ALL
    SELECT performed_at, daily_dose_mcg FROM fills WHERE pump_id = $1 AND performed_at > $2
    UNION ALL
    SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments WHERE pump_id = $1 AND effective_at > $2
  ) s`;

const parseDoseSteps = (steps: { at: string; dose: number | string }[]): ProgrammedDose[] =>
  steps.map((r) => ({ at: new Date(r.at), dailyDoseMcg: Number(r.dose) }));

/** $1 pump, $2 dose steps since, $3 clinic, $4 current fill, $5 patient, $6 ordering specialist (or null). */
const CLINICAL_WRITE_CONTEXT_SQL = `SELECT c.id AS clinic_id, c.time_zone, c.refill_lead_days, c.max_drug_days_in_pump,
          pt.spasticity_origin, pt.birth_date::text AS birth_date,
          f.id AS fill_id, f.performed_at,
          CASE WHEN f.id IS NOT NULL THEN ${drainInputSql('f')} END AS drain,
          (SELECT min(e.occurred_at) FROM pump_events e
           WHERE e.pump_id = $1 AND e.type = 'alarm_empty_reservoir'
             AND e.occurred_at > date_trunc('milliseconds', f.performed_at)) AS empty_alarm_at,
          (SELECT min(performed_at) FROM fills WHERE pump_id = $1) AS first_fill_at,
          (${DOSE_STEPS_JSON}) AS dose_steps,
          (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u
           WHERE u.id = $6 AND u.clinic_id = $3 AND u.role = 'specialist' AND u.is_active) AS ordered_by
   FROM patients pt
   LEFT JOIN clinics c ON c.id = $3
   LEFT JOIN fills f ON f.id = $4
   WHERE pt.id = $5`;

interface ClinicalWriteContextRow {
  clinic_id: string | null;
  time_zone: string;
  refill_lead_days: number;
  max_drug_days_in_pump: number;
  spasticity_origin: SpasticityOrigin;
  birth_date: string;
  fill_id: string | null;
  performed_at: Date;
  drain: DrainInputJson | null;
  empty_alarm_at: Date | null;
  first_fill_at: Date;
  dose_steps: { at: string; dose: number }[];
  ordered_by: { id: string; name: string } | null;
}

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

  findActiveForPatient(m: EntityManager, patientId: string): Promise<PumpEntity | null> {
    return m.findOneBy(PumpEntity, { patientId, status: 'active' });
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
    const [row] = (await m.query(`SELECT (${DOSE_STEPS_JSON}) AS steps`, [pumpId, since])) as {
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
  }

  /** The implant's first fill: no dose increase within 24 h of it. */
  async firstFillAt(m: EntityManager, pumpId: string): Promise<Date> {
    const [row] = (await m.query(`SELECT min(performed_at) AS at FROM fills WHERE pump_id = $1`, [pumpId])) as {
      at: Date;
    }[];
    return row!.at;
  }

  /** The first empty-reservoir alarm recorded after an instant (the current fill), if any. */
  async emptyAlarmSince(m: EntityManager, pumpId: string, since: Date): Promise<Date | null> {
    const [row] = (await m.query(
      `SELECT min(occurred_at) AS at FROM pump_events
       WHERE pump_id = $1 AND type = 'alarm_empty_reservoir' AND occurred_at > $2`,
      [pumpId, since],
    )) as { at: Date | null }[];
    return row?.at ?? null;
  }

  /** Saves a changed pump only if nobody else changed it since `expectedVersion` (optimistic lock). */
  async saveVersioned(m: EntityManager, pump: PumpEntity, expectedVersion: number): Promise<PumpEntity> {
    await this.updateVersioned(m, pump, expectedVersion);
    return m.findOneByOrFail(PumpEntity, { id: pump.id });
  }

  /** `saveVersioned` without reading the pump back, for a write that answers from what it computed. */
  async updateVersioned(m: EntityManager, pump: PumpEntity, expectedVersion: number): Promise<void> {
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
