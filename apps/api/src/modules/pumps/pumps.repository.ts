import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { readAll } from '../../common/stale-reads.js';
import type { BolusVolume, DrainInput, ProgrammedDose } from '@itb/domain';
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
    const rows = (await m.query(
      `WITH steps AS (
         SELECT performed_at AS at, daily_dose_mcg AS dose FROM fills WHERE pump_id = $1
         UNION ALL
         SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments WHERE pump_id = $1
       )
       (SELECT at, dose FROM steps WHERE at <= $2 ORDER BY at DESC LIMIT 1)
       UNION ALL
       (SELECT at, dose FROM steps WHERE at > $2)
       ORDER BY at`,
      [pumpId, since],
    )) as { at: Date; dose: string }[];
    return rows.map((r) => ({ at: r.at, dailyDoseMcg: Number(r.dose) }));
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
    const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = pump;
    const result = await m
      .createQueryBuilder()
      .update(PumpEntity)
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .returning(['version', 'updatedAt'])
      .execute();
    if (result.affected !== 1) throw AppError.stale('pump');
    return m.findOneByOrFail(PumpEntity, { id });
  }
}
