import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FillPreview, FillPreviewRequest, FillRequest, FillResponse, FillResult, Page } from '@itb/contracts';
import {
  assessRefill,
  BOLUS_AFTER_REFILL_MS,
  describeHours,
  DOSE_LIMIT_WINDOW_MS,
  isResidualDiscrepant,
  type Projection,
  type RefillAssessment,
  type ResidualComparison,
  toLocalDate,
  toLocalDateTime,
} from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { requestContext, type SessionUser } from '../../common/request-context.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { doseWarnings, enforceDoseLimit, toDoseCheckResponse } from '../dose-adjustments/dose-guard.js';
import { FillEntity } from '../pumps/fill.entity.js';
import { PumpEventEntity } from '../pump-events/pump-event.entity.js';
import { toProjectionResponse } from '../pumps/pump-mappers.js';
import type { PumpEntity } from '../pumps/pump.entity.js';
import { type ClinicalWriteContext, PumpsRepository } from '../pumps/pumps.repository.js';
import { userNames } from '../users/user-names.js';
import { fillAuditView, toFillResponse } from './fill-mappers.js';

/** Two refills of one pump this close together are most likely one refill entered twice. */
const REPEAT_REFILL_WINDOW_MS = 10 * 60_000;

interface Evaluation {
  draft: FillEntity;
  timeZone: string;
  assessment: RefillAssessment;
  projection: Projection;
  preview: FillPreview;
}

@Injectable()
export class FillsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly clock: Clock,
    private readonly flags: FlagEvaluator,
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
  async preview(actor: SessionUser, pumpId: string, input: FillPreviewRequest): Promise<FillPreview> {
    const m = this.dataSource.manager;
    const pump = await this.pumps.findInClinic(m, actor.clinicId, pumpId);
    if (pump.status !== 'active') throw isExplanted();
    const context = await this.pumps.clinicalWriteContext(m, pump, doseStepsSince(input));
    return this.evaluate(m, actor, pump, context, input).preview;
  }

  /**
   * Fill, its bolus events, pump projection, fulfilled appointments and audit rows in one transaction; a
   * stale pump version answers 409. The pump is locked and every check's data read in one statement, and
   * the rows are written in one more (besides the flags re-evaluated and any bolus events).
   */
  async record(actor: SessionUser, pumpId: string, input: FillRequest): Promise<FillResult> {
    return this.dataSource.transaction(async (m) => {
      const { pump, context } = await this.pumps.lockWithWriteContext(
        m,
        actor.clinicId,
        pumpId,
        input.pumpVersion,
        doseStepsSince(input),
      );
      if (pump.status !== 'active') throw isExplanted();
      const { draft, timeZone, projection, preview, assessment } = this.evaluate(m, actor, pump, context, input);
      refuseUnanswered(assessment, input, preview.checks.recentFill);
      Object.assign(draft, { dueRefillBy: pump.refillBy, dueAlarmAt: pump.alarmAt });
      const fill = draft;
      const boluses = await this.recordRefillBoluses(m, actor, pump, fill, input);
      pump.currentFillId = fill.id;
      pump.currentDailyDoseMcg = fill.dailyDoseMcg;
      Object.assign(pump, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
      await this.pumps.recordRefill(m, {
        fill,
        pump,
        expectedVersion: input.pumpVersion,
        performedOn: toLocalDate(fill.performedAt, timeZone),
        audit: {
          actorId: actor.id,
          after: { ...fillAuditView(fill), boluses },
          reason: input.overrideReason ?? null,
          requestId: requestContext.requestId() ?? null,
        },
      });
      await this.flags.evaluatePump(m, pump.id, { actorId: actor.id, reason: 'Refill recorded' });
      return { ...preview, id: fill.id, performedById: actor.id, performedByName: actor.name };
    });
  }

  /** A bridge or priming bolus given at the refill: a pump event 1 s after it, draining the new fill. */
  private async recordRefillBoluses(
    m: EntityManager,
    actor: SessionUser,
    pump: PumpEntity,
    fill: FillEntity,
    input: FillRequest,
  ): Promise<{ type: string; volumeMl: number }[]> {
    const given = [
      { type: 'bridge_bolus' as const, volumeMl: input.bridgeBolusMl },
      { type: 'priming_bolus' as const, volumeMl: input.primingBolusMl },
    ].filter((b): b is { type: 'bridge_bolus' | 'priming_bolus'; volumeMl: number } => typeof b.volumeMl === 'number');
    for (const bolus of given) {
      await m.save(
        m.create(PumpEventEntity, {
          clinicId: actor.clinicId,
          pumpId: pump.id,
          type: bolus.type,
          occurredAt: new Date(fill.performedAt.getTime() + BOLUS_AFTER_REFILL_MS),
          recordedBy: actor.id,
          volumeMl: bolus.volumeMl,
          notes: null,
        }),
      );
    }
    return given;
  }

  /** Every check of a refill, against its pump's write context (read in one statement). */
  private evaluate(
    m: EntityManager,
    actor: SessionUser,
    pump: PumpEntity,
    context: ClinicalWriteContext,
    input: FillPreviewRequest,
  ): Evaluation {
    const performedAt = new Date(input.performedAt);
    const state = context.current;
    if (!state) throw AppError.rule('pumpId', 'has no fill to refill from');
    if (!context.clinic) throw AppError.notFound('Clinic');
    const schedule = context.clinic;
    const now = this.clock.now();
    if (performedAt > now) throw AppError.validation('performedAt', 'cannot be in the future');
    const lastChange = state.lastChangeAt;
    if (performedAt <= lastChange) {
      throw AppError.rule(
        'performedAt',
        `must be after the previous fill or dose change (${toLocalDateTime(lastChange, schedule.timeZone)})`,
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
    if (volumeAfter < input.volumeAddedMl) {
      throw AppError.rule('reservoirVolumeAfterMl', `must be at least the volume added (${input.volumeAddedMl} mL)`);
    }
    if (input.lotExpiresOn < toLocalDate(performedAt, schedule.timeZone)) {
      throw AppError.rule('lotExpiresOn', 'is before the fill date: the lot had expired');
    }
    const { patient } = context;
    const assessment = assessRefill(
      {
        previous: state.drain,
        emptyAlarmAt: context.emptyAlarmAt,
        doseSteps: context.doseSteps,
        firstFillAt: context.firstFillAt,
        alarmMl: pump.alarmMl,
        schedule,
        spasticityOrigin: patient.spasticityOrigin,
        birthDate: patient.birthDate,
      },
      {
        performedAt,
        residualWithdrawnMl: input.residualWithdrawnMl,
        volumeAddedMl: input.volumeAddedMl,
        reservoirVolumeAfterMl: volumeAfter,
        concentrationMcgPerMl: input.concentrationMcgPerMl,
        dailyDoseMcg: input.dailyDoseMcg,
        patientBolusMcgPerDay: input.patientBolusMcgPerDay ?? null,
        patientBolusesDeliveredMl: input.patientBolusesDeliveredMl ?? null,
        bridgeBolusMl: input.bridgeBolusMl,
        primingBolusMl: input.primingBolusMl,
      },
      now,
    );
    if (assessment.entry.isAtOrBelowAlarm) {
      throw AppError.rule(
        'reservoirVolumeAfterMl',
        `leaves the reservoir at or below its ${pump.alarmMl} mL low-reservoir alarm volume: the pump would alarm at once`,
      );
    }
    const doseCheck = assessment.dose
      ? toDoseCheckResponse(
          assessment.dose.window,
          assessment.dose.checkedDailyDoseMcg,
          patient.spasticityOrigin,
          assessment.dose.isChild,
          assessment.mix
            ? `Real dose ${assessment.mix.realDailyDoseMcg} mcg/day (mixed ${assessment.mix.mixedConcentrationMcgPerMl} mcg/mL): `
            : '',
        )
      : null;
    if (doseCheck) {
      enforceDoseLimit(
        doseCheck,
        actor.role,
        input.overrideReason,
        assessment.mix ? 'concentrationMcgPerMl' : 'dailyDoseMcg',
      );
    }

    const { comparison, projection } = assessment;
    const draft = m.create(FillEntity, {
      id: randomUUID(),
      clinicId: actor.clinicId,
      pumpId: pump.id,
      performedAt,
      performedBy: actor.id,
      isInitial: false,
      residualWithdrawnMl: input.residualWithdrawnMl,
      residualFoundMl: assessment.residualFoundMl,
      patientBolusesDeliveredMl: input.patientBolusesDeliveredMl ?? null,
      volumeAddedMl: input.volumeAddedMl,
      reservoirVolumeAfterMl: volumeAfter,
      drugProduct: input.drugProduct,
      concentrationMcgPerMl: input.concentrationMcgPerMl,
      mixedConcentrationMcgPerMl: assessment.mix?.mixedConcentrationMcgPerMl ?? null,
      realDailyDoseMcg: assessment.mix?.realDailyDoseMcg ?? null,
      emptySince: assessment.withoutDrug?.emptySince ?? null,
      bridgeBolusGiven: assessment.isConcentrationChange ? typeof input.bridgeBolusMl === 'number' : null,
      primingBolusGiven: assessment.withoutDrug ? typeof input.primingBolusMl === 'number' : null,
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
      alarmAt: projection.alarmAt,
      emptyAt: projection.emptyAt,
      refillBy: projection.refillBy,
    });
    const withoutDrug = assessment.withoutDrug && {
      emptySince: assessment.withoutDrug.emptySince.toISOString(),
      hoursWithoutDrug: assessment.withoutDrug.hoursWithoutDrug,
      message: `Empty since ${toLocalDateTime(assessment.withoutDrug.emptySince, schedule.timeZone)}: ${describeHours(assessment.withoutDrug.hoursWithoutDrug)} without drug`,
    };
    const warnings = [
      ...(withoutDrug ? [`${withoutDrug.message}. Watch for withdrawal for 72 h after this refill.`] : []),
      ...(assessment.mix
        ? [
            `Mixed concentration ${assessment.mix.mixedConcentrationMcgPerMl} mcg/mL (${assessment.mix.leftMl} mL of ${assessment.mix.previousConcentrationMcgPerMl} left, ${assessment.mix.addedMl} mL of ${assessment.mix.newConcentrationMcgPerMl} added): the patient gets ${assessment.mix.realDailyDoseMcg} mcg/day until the next refill, not ${input.dailyDoseMcg}.`,
          ]
        : []),
      ...(assessment.entry.shortInterval ? [`${assessment.entry.shortInterval}: confirm the short interval.`] : []),
      ...(doseCheck ? doseWarnings(doseCheck) : []),
      ...residualWarnings(comparison),
    ];
    const { id: _id, performedById: _p, performedByName: _n, ...fields } = toFillResponse(draft, '');
    return {
      draft,
      timeZone: schedule.timeZone,
      projection,
      assessment,
      preview: {
        ...fields,
        projection: toProjectionResponse(projection),
        doseCheck,
        checks: {
          leftInReservoirMl: assessment.leftInReservoirMl,
          isConcentrationChange: assessment.isConcentrationChange,
          withoutDrug,
          shortInterval: assessment.entry.shortInterval,
          isAtOrBelowAlarm: assessment.entry.isAtOrBelowAlarm,
          recentFill:
            performedAt.getTime() - state.performedAt.getTime() < REPEAT_REFILL_WINDOW_MS
              ? `The pump was filled at ${toLocalDateTime(state.performedAt, schedule.timeZone)}, less than 10 minutes before this refill`
              : null,
          needs: assessment.needs,
        },
        warnings,
      },
    };
  }
}

const isExplanted = () => AppError.rule('pumpId', 'is explanted: refills go to the active pump');

/** The dose limits are checked over the 24 h before the refill: the dose steps are read from then on. */
const doseStepsSince = (input: FillPreviewRequest) => new Date(Date.parse(input.performedAt) - DOSE_LIMIT_WINDOW_MS);

/** The questions a refill must answer before it is recorded (the preview only asks them). */
function refuseUnanswered(assessment: RefillAssessment, input: FillRequest, recentFill: string | null): void {
  if (recentFill && input.confirmRepeatRefill !== true) {
    throw AppError.rule('confirmRepeatRefill', `must be true to record a second refill: ${recentFill}`);
  }
  if (assessment.needs.bridgeBolusAnswer) {
    throw AppError.rule(
      'bridgeBolusMl',
      'is required at a concentration change: give the bridge bolus volume, or null when none was given',
    );
  }
  if (assessment.needs.primingBolusAnswer && assessment.withoutDrug) {
    throw AppError.rule(
      'primingBolusMl',
      `is required: the pump had run dry (${describeHours(assessment.withoutDrug.hoursWithoutDrug)} without drug); give the priming bolus volume, or null when none was given`,
    );
  }
  if (assessment.needs.shortIntervalConfirmation && input.confirmShortInterval !== true) {
    throw AppError.rule(
      'confirmShortInterval',
      `must be true to record this refill: ${assessment.entry.shortInterval}`,
    );
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
