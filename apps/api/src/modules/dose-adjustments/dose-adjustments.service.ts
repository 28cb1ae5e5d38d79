import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  DoseAdjustmentPreview,
  DoseAdjustmentPreviewRequest,
  DoseAdjustmentRequest,
  DoseAdjustmentResponse,
  DoseAdjustmentResult,
} from '@itb/contracts';
import {
  checkDoseChangeInWindow,
  DOSE_LIMIT_WINDOW_MS,
  type DrainInput,
  isChildOn,
  project,
  toLocalDate,
  toLocalDateTime,
} from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { requestContext, type SessionUser } from '../../common/request-context.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { toProjectionResponse } from '../pumps/pump-mappers.js';
import type { PumpEntity } from '../pumps/pump.entity.js';
import { type ClinicalWriteContext, PumpsRepository } from '../pumps/pumps.repository.js';
import { userNames } from '../users/user-names.js';
import { DoseAdjustmentEntity } from './dose-adjustment.entity.js';
import { doseWarnings, enforceDoseLimit, toDoseCheckResponse } from './dose-guard.js';

interface Evaluation {
  draft: DoseAdjustmentEntity;
  preview: DoseAdjustmentPreview;
  projection: ReturnType<typeof project>;
  orderedByName: string;
}

const isExplanted = () => AppError.rule('pumpId', 'is explanted');

/** The dose limits are checked over the 24 h before the change: the dose steps are read from then on. */
const doseStepsSince = (input: DoseAdjustmentPreviewRequest) =>
  new Date(Date.parse(input.effectiveAt) - DOSE_LIMIT_WINDOW_MS);

@Injectable()
export class DoseAdjustmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly clock: Clock,
    private readonly flags: FlagEvaluator,
  ) {}

  async list(clinicId: string, pumpId: string): Promise<DoseAdjustmentResponse[]> {
    const m = this.dataSource.manager;
    await this.pumps.findInClinic(m, clinicId, pumpId);
    const adjustments = await m.find(DoseAdjustmentEntity, { where: { pumpId }, order: { effectiveAt: 'DESC' } });
    const names = await userNames(
      m,
      adjustments.flatMap((a) => [a.orderedBy, a.recordedBy]),
    );
    return adjustments.map((a) => this.toResponse(a, names));
  }

  async preview(
    actor: SessionUser,
    pumpId: string,
    input: DoseAdjustmentPreviewRequest,
  ): Promise<DoseAdjustmentPreview> {
    const m = this.dataSource.manager;
    const pump = await this.pumps.findInClinic(m, actor.clinicId, pumpId);
    if (pump.status !== 'active') throw isExplanted();
    const context = await this.pumps.clinicalWriteContext(m, pump, doseStepsSince(input), input.orderedById);
    return this.evaluate(m, actor, pump, context, input).preview;
  }

  async record(actor: SessionUser, pumpId: string, input: DoseAdjustmentRequest): Promise<DoseAdjustmentResult> {
    return this.dataSource.transaction(async (m) => {
      // The pump locked and every check's data read in one statement.
      const { pump, context } = await this.pumps.lockWithWriteContext(
        m,
        actor.clinicId,
        pumpId,
        input.pumpVersion,
        doseStepsSince(input),
        input.orderedById,
      );
      if (pump.status !== 'active') throw isExplanted();
      const { draft, preview, projection, orderedByName } = this.evaluate(m, actor, pump, context, input);
      const saved = draft;
      const before = { dailyDoseMcg: pump.currentDailyDoseMcg, alarmAt: pump.alarmAt, refillBy: pump.refillBy };
      pump.currentDailyDoseMcg = saved.newDailyDoseMcg;
      Object.assign(pump, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
      // The adjustment, the pump and the audit row in one statement.
      await this.pumps.recordDoseChange(m, {
        adjustment: saved,
        pump,
        expectedVersion: input.pumpVersion,
        audit: {
          actorId: actor.id,
          before,
          after: {
            dailyDoseMcg: saved.newDailyDoseMcg,
            alarmAt: projection.alarmAt,
            refillBy: projection.refillBy,
            effectiveAt: saved.effectiveAt,
            reason: saved.reason,
            orderedBy: saved.orderedBy,
            limitCheck: saved.limitCheck,
          },
          reason: saved.overrideReason,
          requestId: requestContext.requestId() ?? null,
        },
      });
      await this.flags.evaluatePump(m, pump.id, { actorId: actor.id, reason: 'Dose changed' });
      const names = new Map([
        [saved.orderedBy, orderedByName],
        [actor.id, actor.name],
      ]);
      return {
        ...this.toResponse(saved, names),
        projection: preview.projection,
        doseCheck: preview.doseCheck,
        warnings: preview.warnings,
      };
    });
  }

  /** Every check of a dose change, against its pump's write context (read in one statement). */
  private evaluate(
    m: EntityManager,
    actor: SessionUser,
    pump: PumpEntity,
    context: ClinicalWriteContext,
    input: DoseAdjustmentPreviewRequest,
  ): Evaluation {
    const effectiveAt = new Date(input.effectiveAt);
    const state = context.current;
    if (!state) throw AppError.rule('pumpId', 'has no fill');
    const now = this.clock.now();
    if (effectiveAt > now) throw AppError.validation('effectiveAt', 'cannot be in the future');
    const lastChange = state.lastChangeAt;
    if (!context.clinic) throw AppError.notFound('Clinic');
    const schedule = context.clinic;
    if (effectiveAt <= lastChange) {
      throw AppError.rule(
        'effectiveAt',
        `must be after the last fill or dose change (${toLocalDateTime(lastChange, schedule.timeZone)})`,
      );
    }
    const { orderedBy, patient } = context;
    if (!orderedBy) throw AppError.rule('orderedById', 'must be an active specialist of this clinic');

    // Limits are per 24 h across fills (libs/domain checkDoseChangeInWindow, DESIGN.md "Dose-change limits").
    const isChild = isChildOn(patient.birthDate, toLocalDate(effectiveAt, schedule.timeZone));
    const window = checkDoseChangeInWindow({
      steps: context.doseSteps,
      firstFillAt: context.firstFillAt,
      newDailyDoseMcg: input.newDailyDoseMcg,
      at: effectiveAt,
      spasticityOrigin: patient.spasticityOrigin,
      isChild,
    });
    const previous = window.previousDailyDoseMcg;
    const doseCheck = toDoseCheckResponse(window, input.newDailyDoseMcg, patient.spasticityOrigin, isChild);
    enforceDoseLimit(doseCheck, actor.role, input.overrideReason, 'newDailyDoseMcg');

    const draft = m.create(DoseAdjustmentEntity, {
      id: randomUUID(),
      clinicId: actor.clinicId,
      pumpId: pump.id,
      fillId: state.fillId,
      effectiveAt,
      previousDailyDoseMcg: previous,
      newDailyDoseMcg: input.newDailyDoseMcg,
      reason: input.reason,
      orderedBy: orderedBy.id,
      recordedBy: actor.id,
      overrideReason: doseCheck.isWithinLimit ? null : (input.overrideReason ?? null),
      limitCheck: doseCheck,
      notes: input.notes ?? null,
    });
    const after: DrainInput = {
      ...state.drain,
      doseChanges: [...(state.drain.doseChanges ?? []), { effectiveAt, newDailyDoseMcg: input.newDailyDoseMcg }],
    };
    const projectionBefore = project(state.drain, pump.alarmMl, schedule, now);
    const projection = project(after, pump.alarmMl, schedule, now);
    return {
      draft,
      projection,
      orderedByName: orderedBy.name,
      preview: {
        previousDailyDoseMcg: previous,
        newDailyDoseMcg: input.newDailyDoseMcg,
        doseCheck,
        projectionBefore: toProjectionResponse(projectionBefore),
        projection: toProjectionResponse(projection),
        warnings: doseWarnings(doseCheck),
      },
    };
  }

  private toResponse(a: DoseAdjustmentEntity, names: Map<string, string>): DoseAdjustmentResponse {
    return {
      id: a.id,
      pumpId: a.pumpId,
      effectiveAt: a.effectiveAt.toISOString(),
      previousDailyDoseMcg: a.previousDailyDoseMcg,
      newDailyDoseMcg: a.newDailyDoseMcg,
      reason: a.reason,
      orderedById: a.orderedBy,
      orderedByName: names.get(a.orderedBy) ?? '',
      recordedById: a.recordedBy,
      recordedByName: names.get(a.recordedBy) ?? '',
      overrideReason: a.overrideReason,
      notes: a.notes,
      createdAt: (a.createdAt ?? new Date()).toISOString(),
    };
  }
}
