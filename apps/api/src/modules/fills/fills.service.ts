import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FillPreview, FillRequest, FillResponse, FillResult, Page } from '@itb/contracts';
import {
  compareResidual,
  project,
  projectedDoseAt,
  toLocalDate,
  type Projection,
  type ResidualComparison,
  isResidualDiscrepant,
} from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { ClinicsService, scheduleOf } from '../clinics/clinics.service.js';
import { assessDoseChange, doseWarnings, enforceDoseLimit } from '../dose-adjustments/dose-guard.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { FillEntity } from '../pumps/fill.entity.js';
import { drainInputOf, toProjectionResponse } from '../pumps/pump-mappers.js';
import type { PumpEntity } from '../pumps/pump.entity.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { userNames } from '../users/user-names.js';
import { fillAuditView, toFillResponse } from './fill-mappers.js';

interface Evaluation {
  draft: FillEntity;
  comparison: ResidualComparison;
  projection: Projection;
  preview: FillPreview;
}

@Injectable()
export class FillsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly clinics: ClinicsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly flags: FlagEvaluator,
    private readonly appointments: AppointmentsService,
  ) {}

  async list(clinicId: string, pumpId: string, query: { cursor?: string; limit: number }): Promise<Page<FillResponse>> {
    const m = this.dataSource.manager;
    await this.pumps.findInClinic(m, clinicId, pumpId);
    const after = decodeCursor(query.cursor, 2);
    const qb = m
      .createQueryBuilder(FillEntity, 'f')
      .where('f.pump_id = :pumpId', { pumpId })
      .orderBy('f.performed_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(query.limit + 1);
    if (after) qb.andWhere('(f.performed_at, f.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const names = await userNames(
      m,
      items.map((f) => f.performedBy),
    );
    const last = items[items.length - 1];
    return {
      items: items.map((f) => toFillResponse(f, names.get(f.performedBy) ?? '')),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.performedAt.toISOString(), last.id]) : null,
    };
  }

  /** Same validation and numbers as recording, nothing saved. */
  async preview(actor: SessionUser, pumpId: string, input: FillRequest): Promise<FillPreview> {
    const m = this.dataSource.manager;
    const pump = await this.pumps.findInClinic(m, actor.clinicId, pumpId);
    return (await this.evaluate(m, actor, pump, input)).preview;
  }

  /** Fill, pump projection and audit row in one transaction; a stale pump version answers 409. */
  async record(actor: SessionUser, pumpId: string, input: FillRequest): Promise<FillResult> {
    return this.dataSource.transaction(async (m) => {
      const pump = await this.pumps.findInClinic(m, actor.clinicId, pumpId);
      const expectedVersion = input.pumpVersion ?? pump.version;
      if (pump.version !== expectedVersion) throw AppError.stale('pump');
      const { draft, projection, preview } = await this.evaluate(m, actor, pump, input);
      Object.assign(draft, { dueRefillBy: pump.refillBy, dueAlarmAt: pump.alarmAt });
      const fill = await m.save(draft);
      pump.currentFillId = fill.id;
      pump.currentDailyDoseMcg = fill.dailyDoseMcg;
      Object.assign(pump, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
      await this.pumps.saveVersioned(m, pump, expectedVersion);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'fill.create',
        entityType: 'fill',
        entityId: fill.id,
        patientId: pump.patientId,
        after: fillAuditView(fill),
        reason: input.overrideReason ?? null,
      });
      const clinic = await this.clinics.get(actor.clinicId, m);
      await this.appointments.fulfilByFill(m, actor, {
        id: fill.id,
        patientId: pump.patientId,
        performedOn: toLocalDate(fill.performedAt, clinic.timeZone),
      });
      await this.flags.evaluatePump(m, pump.id, { actorId: actor.id, reason: 'Refill recorded' });
      return { ...preview, id: fill.id, performedById: actor.id, performedByName: actor.name };
    });
  }

  private async evaluate(
    m: EntityManager,
    actor: SessionUser,
    pump: PumpEntity,
    input: FillRequest,
  ): Promise<Evaluation> {
    if (pump.status !== 'active') throw AppError.rule('pumpId', 'is explanted: refills go to the active pump');
    const state = await this.pumps.stateOf(m, pump);
    if (!state) throw AppError.rule('pumpId', 'has no fill to refill from');
    const clinic = await this.clinics.get(actor.clinicId, m);
    const now = this.clock.now();
    const performedAt = new Date(input.performedAt);
    if (performedAt > now) throw AppError.validation('performedAt', 'cannot be in the future');
    const lastChange = state.adjustments[state.adjustments.length - 1]?.effectiveAt ?? state.fill.performedAt;
    if (performedAt <= lastChange) {
      throw AppError.rule(
        'performedAt',
        `must be after the previous fill or dose change (${lastChange.toISOString()})`,
      );
    }
    const capacity = pump.reservoirMl;
    const volumeAfter = input.reservoirVolumeAfterMl ?? input.volumeAddedMl;
    for (const [field, value] of [
      ['residualWithdrawnMl', input.residualWithdrawnMl],
      ['volumeAddedMl', input.volumeAddedMl],
      ['reservoirVolumeAfterMl', volumeAfter],
    ] as const) {
      if (value > capacity) throw AppError.rule(field, `must be at most the reservoir capacity (${capacity} mL)`);
    }
    if (input.lotExpiresOn < toLocalDate(performedAt, clinic.timeZone)) {
      throw AppError.rule('lotExpiresOn', 'is before the fill date: the lot had expired');
    }
    const patient = await m.findOneByOrFail(PatientEntity, { id: pump.patientId });
    const doseBefore = projectedDoseAt(
      { ...state.drain, fill: { ...state.drain.fill, patientBolusMcgPerDay: 0 } },
      performedAt,
    );
    const doseCheck =
      input.dailyDoseMcg === doseBefore
        ? null
        : assessDoseChange(doseBefore, input.dailyDoseMcg, patient.spasticityOrigin);
    if (doseCheck) enforceDoseLimit(doseCheck, actor.role, input.overrideReason, 'dailyDoseMcg');

    const comparison = compareResidual(state.drain, performedAt, input.residualWithdrawnMl);
    const draft = m.create(FillEntity, {
      id: randomUUID(),
      clinicId: actor.clinicId,
      pumpId: pump.id,
      performedAt,
      performedBy: actor.id,
      isInitial: false,
      residualWithdrawnMl: input.residualWithdrawnMl,
      volumeAddedMl: input.volumeAddedMl,
      reservoirVolumeAfterMl: volumeAfter,
      drugProduct: input.drugProduct,
      concentrationMcgPerMl: input.concentrationMcgPerMl,
      lotNumber: input.lotNumber,
      lotExpiresOn: input.lotExpiresOn,
      dailyDoseMcg: input.dailyDoseMcg,
      mode: 'simple',
      flexSteps: null,
      patientBolusMcgPerDay: input.patientBolusMcgPerDay ?? null,
      notes: input.notes ?? null,
      expectedResidualMl: comparison.expectedResidualMl,
      discrepancyMl: comparison.discrepancyMl,
      deliveryErrorPct: comparison.deliveryErrorPct,
    });
    const projection = project(drainInputOf(draft), pump.alarmMl, scheduleOf(clinic), now);
    Object.assign(draft, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
    const warnings = [...(doseCheck ? doseWarnings(doseCheck) : []), ...residualWarnings(comparison)];
    const { id: _id, performedById: _p, performedByName: _n, ...fields } = toFillResponse(draft, '');
    return {
      draft,
      comparison,
      projection,
      preview: { ...fields, projection: toProjectionResponse(projection), doseCheck, warnings },
    };
  }
}

function residualWarnings(c: ResidualComparison): string[] {
  // Thresholds: libs/domain risk-rules (CLINICAL.md "Pumps": 14.5 % over-infusion; "Refills": 1 mL).
  if (isResidualDiscrepant(c)) {
    const kind =
      c.discrepancyMl < 0
        ? 'less residual than expected: possible over-infusion'
        : 'more residual than expected: possible under-delivery (stall, catheter problem)';
    return [
      `Residual discrepancy ${c.discrepancyMl > 0 ? '+' : ''}${c.discrepancyMl} mL (${c.deliveryErrorPct} %): ${kind}. Investigate.`,
    ];
  }
  return [];
}
