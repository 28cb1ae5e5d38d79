import { Injectable } from '@nestjs/common';
import type {
  ExplantRequest,
  ImplantRequest,
  ReplacePumpRequest,
  ProjectionResponse,
  PumpResponse,
  UpdatePumpRequest,
} from '@itb/contracts';
import {
  entryCheck,
  project,
  resolvePumpVolumes,
  toLocalDate,
  type ClinicSchedule,
  type Projection,
} from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { readAll } from '../../common/stale-reads.js';
import { AuditService } from '../audit/audit.service.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { ClinicsService, scheduleOf } from '../clinics/clinics.service.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { PumpEventEntity } from '../pump-events/pump-event.entity.js';
import { FillEntity } from './fill.entity.js';
import { drainInputOf, pumpAuditView, toProjectionResponse, toPumpResponse } from './pump-mappers.js';
import { PumpEntity } from './pump.entity.js';
import { PumpsRepository, type PumpState } from './pumps.repository.js';

@Injectable()
export class PumpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly clinics: ClinicsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly flags: FlagEvaluator,
  ) {}

  async get(clinicId: string, id: string): Promise<PumpResponse> {
    const m = this.dataSource.manager;
    const [pump, clinic] = await readAll(m, [
      () => this.pumps.findInClinic(m, clinicId, id),
      () => this.clinics.get(clinicId, m),
    ] as const);
    return this.describe(m, pump, scheduleOf(clinic));
  }

  /**
   * The pump with its current fill and a projection at the clinic's now; for an active pump, what its
   * refill and dose-change forms need beyond the drain: the dose steps a new dose is checked against
   * (from the one in force 24 h before the last change), the implant's first fill, and a recorded
   * empty-reservoir alarm since the current fill. One statement beside the pump row.
   */
  async describe(m: EntityManager, pump: PumpEntity, schedule: ClinicSchedule): Promise<PumpResponse> {
    const view = await this.pumps.viewOf(m, pump);
    const isActive = pump.status === 'active';
    return toPumpResponse(
      pump,
      view?.fill ?? null,
      view && isActive ? project(view.drain, pump.alarmMl, schedule, this.clock.now()) : null,
      view?.drain.boluses,
      view && isActive
        ? {
            emptyAlarmAt: view.emptyAlarmAt,
            doseHistory: {
              firstFillAt: view.firstFillAt.toISOString(),
              steps: view.doseSteps.map((s) => ({ at: s.at.toISOString(), dailyDoseMcg: s.dailyDoseMcg })),
            },
          }
        : undefined,
    );
  }

  private projectState(state: PumpState, pump: PumpEntity, schedule: ClinicSchedule): Projection {
    return project(state.drain, pump.alarmMl, schedule, this.clock.now());
  }

  async projection(clinicId: string, id: string): Promise<ProjectionResponse> {
    const m = this.dataSource.manager;
    const [pump, clinic] = await readAll(m, [
      () => this.pumps.findInClinic(m, clinicId, id),
      () => this.clinics.get(clinicId, m),
    ] as const);
    const state = await this.pumps.stateOf(m, pump);
    if (!state || pump.status !== 'active') throw AppError.rule('pumpId', 'has no projection: the pump is not active');
    return toProjectionResponse(this.projectState(state, pump, scheduleOf(clinic)));
  }

  async implant(actor: SessionUser, patientId: string, input: ImplantRequest): Promise<PumpResponse> {
    return this.dataSource.transaction((m) => this.implantIn(m, actor, patientId, input));
  }

  /**
   * Replaces the patient's pump: the explant and the new implant in one transaction, each with its audit
   * row and the reason; the old pump keeps its fills, events and flags as history.
   */
  async replace(actor: SessionUser, id: string, input: ReplacePumpRequest): Promise<PumpResponse> {
    const { newPump, ...explant } = input;
    return this.dataSource.transaction(async (m) => {
      const old = await this.explantIn(m, actor, id, explant);
      if (newPump.implantedOn < explant.explantedOn) {
        throw AppError.rule('newPump.implantedOn', 'cannot be before the explant date');
      }
      try {
        return await this.implantIn(m, actor, old.patientId, newPump, explant.reason);
      } catch (error) {
        throw error instanceof AppError ? error.underField('newPump') : error;
      }
    });
  }

  private async implantIn(
    m: EntityManager,
    actor: SessionUser,
    patientId: string,
    input: ImplantRequest,
    reason?: string,
  ): Promise<PumpResponse> {
    const patient = await m.findOneBy(PatientEntity, { id: patientId, clinicId: actor.clinicId });
    if (!patient) throw AppError.notFound('Patient');
    if (patient.status !== 'active')
      throw AppError.rule('patientId', `is ${patient.status}; only active patients get a pump`);
    const clinic = await this.clinics.get(actor.clinicId, m);
    const schedule = scheduleOf(clinic);
    const volumes = resolvePumpVolumes(input.model, input);
    if ('missing' in volumes) throw AppError.validation(volumes.missing, 'is required for this pump model');
    const fill = input.initialFill;
    const now = this.clock.now();
    const performedAt = new Date(fill.performedAt);
    const today = toLocalDate(now, clinic.timeZone);
    if (input.implantedOn > today) throw AppError.validation('implantedOn', 'cannot be in the future');
    if (volumes.alarmMl >= volumes.reservoirMl) {
      throw AppError.rule('alarmMl', `must be below the reservoir capacity (${volumes.reservoirMl} mL)`);
    }
    if (fill.volumeAddedMl > volumes.reservoirMl) {
      throw AppError.rule(
        'initialFill.volumeAddedMl',
        `must be at most the reservoir capacity (${volumes.reservoirMl} mL)`,
      );
    }
    if (performedAt > now) throw AppError.validation('initialFill.performedAt', 'cannot be in the future');
    const fillDate = toLocalDate(performedAt, clinic.timeZone);
    if (fillDate < input.implantedOn)
      throw AppError.rule('initialFill.performedAt', 'cannot be before the implant date');
    if (fill.lotExpiresOn < fillDate)
      throw AppError.rule('initialFill.lotExpiresOn', 'is before the fill date: the lot had expired');
    if (await this.pumps.findActiveForPatient(m, patientId)) {
      throw new AppError('CONFLICT', 'This patient already has an active pump; explant it first', [
        { field: 'patientId', message: 'already has an active pump' },
      ]);
    }
    const pump = await m.save(
      m.create(PumpEntity, {
        clinicId: actor.clinicId,
        patientId,
        model: input.model,
        serialNumber: input.serialNumber,
        implantedOn: input.implantedOn,
        reservoirMl: volumes.reservoirMl,
        alarmMl: volumes.alarmMl,
        catheterTipLevel: input.catheterTipLevel ?? null,
        eriDate: input.eriDate ?? null,
        status: 'active',
        explantedOn: null,
        explantReason: null,
        currentFillId: null,
        currentDailyDoseMcg: null,
        alarmAt: null,
        emptyAt: null,
        refillBy: null,
      }),
    );
    const draft = m.create(FillEntity, {
      clinicId: actor.clinicId,
      pumpId: pump.id,
      performedAt,
      performedBy: actor.id,
      isInitial: true,
      residualWithdrawnMl: null,
      volumeAddedMl: fill.volumeAddedMl,
      reservoirVolumeAfterMl: fill.volumeAddedMl,
      drugProduct: fill.drugProduct,
      concentrationMcgPerMl: fill.concentrationMcgPerMl,
      lotNumber: fill.lotNumber,
      lotExpiresOn: fill.lotExpiresOn,
      dailyDoseMcg: fill.dailyDoseMcg,
      mode: 'simple',
      flexSteps: null,
      patientBolusMcgPerDay: fill.patientBolusMcgPerDay ?? null,
      notes: null,
      expectedResidualMl: null,
      discrepancyMl: null,
      deliveryErrorPct: null,
    });
    const projection = project(drainInputOf(draft), pump.alarmMl, schedule, now);
    // DESIGN.md "Entry checks", as for a refill.
    const entry = entryCheck({
      fillAt: performedAt,
      volumeAfterMl: fill.volumeAddedMl,
      alarmMl: pump.alarmMl,
      projection,
      timeZone: clinic.timeZone,
    });
    if (entry.isAtOrBelowAlarm) {
      throw AppError.rule(
        'initialFill.volumeAddedMl',
        `leaves the reservoir at or below its ${pump.alarmMl} mL low-reservoir alarm volume`,
      );
    }
    if (entry.shortInterval && fill.confirmShortInterval !== true) {
      throw AppError.rule(
        'initialFill.confirmShortInterval',
        `must be true to record this fill: ${entry.shortInterval}`,
      );
    }
    Object.assign(draft, { alarmAt: projection.alarmAt, emptyAt: projection.emptyAt, refillBy: projection.refillBy });
    const saved = await m.save(draft);
    await m.update(PumpEntity, pump.id, {
      currentFillId: saved.id,
      currentDailyDoseMcg: saved.dailyDoseMcg,
      alarmAt: projection.alarmAt,
      emptyAt: projection.emptyAt,
      refillBy: projection.refillBy,
    });
    const current = await m.findOneByOrFail(PumpEntity, { id: pump.id });
    await this.audit.record(m, {
      clinicId: actor.clinicId,
      actorId: actor.id,
      action: 'pump.implant',
      entityType: 'pump',
      entityId: pump.id,
      patientId,
      after: { ...pumpAuditView(current), initialFill: { ...fill, fillId: saved.id } },
      reason: reason ?? null,
    });
    await this.flags.evaluatePump(m, pump.id, { actorId: actor.id, reason: 'Pump implanted' });
    return this.describe(m, current, schedule);
  }

  async update(actor: SessionUser, id: string, input: UpdatePumpRequest): Promise<PumpResponse> {
    return this.dataSource.transaction(async (m) => {
      const pump = await this.pumps.findInClinic(m, actor.clinicId, id);
      if (pump.version !== input.version) throw AppError.stale('pump');
      const before = pumpAuditView(pump);
      if (input.alarmMl !== undefined && input.alarmMl >= pump.reservoirMl) {
        throw AppError.rule('alarmMl', `must be below the reservoir capacity (${pump.reservoirMl} mL)`);
      }
      if (input.serialNumber !== undefined) pump.serialNumber = input.serialNumber;
      if (input.alarmMl !== undefined) pump.alarmMl = input.alarmMl;
      if (input.catheterTipLevel !== undefined) pump.catheterTipLevel = input.catheterTipLevel;
      if (input.eriDate !== undefined) pump.eriDate = input.eriDate;
      const schedule = scheduleOf(await this.clinics.get(actor.clinicId, m));
      const state = await this.pumps.stateOf(m, pump);
      if (state && pump.status === 'active') {
        // A new alarm volume moves the alarm and refill-by dates.
        const projection = this.projectState(state, pump, schedule);
        Object.assign(pump, {
          alarmAt: projection.alarmAt,
          emptyAt: projection.emptyAt,
          refillBy: projection.refillBy,
        });
      }
      const saved = await this.pumps.saveVersioned(m, pump, input.version);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'pump.update',
        entityType: 'pump',
        entityId: id,
        patientId: pump.patientId,
        before,
        after: pumpAuditView(saved),
        reason: input.reason,
      });
      await this.flags.evaluatePump(m, id, { actorId: actor.id, reason: 'Pump details changed' });
      return this.describe(m, saved, schedule);
    });
  }

  async explant(actor: SessionUser, id: string, input: ExplantRequest): Promise<PumpResponse> {
    return this.dataSource.transaction(async (m) => {
      const saved = await this.explantIn(m, actor, id, input);
      return this.describe(m, saved, scheduleOf(await this.clinics.get(actor.clinicId, m)));
    });
  }

  private async explantIn(
    m: EntityManager,
    actor: SessionUser,
    id: string,
    input: ExplantRequest,
  ): Promise<PumpEntity> {
    const pump = await this.pumps.findInClinic(m, actor.clinicId, id);
    if (pump.version !== input.version) throw AppError.stale('pump');
    if (pump.status === 'explanted') throw new AppError('CONFLICT', 'This pump is already explanted');
    const clinic = await this.clinics.get(actor.clinicId, m);
    if (input.explantedOn > toLocalDate(this.clock.now(), clinic.timeZone)) {
      throw AppError.validation('explantedOn', 'cannot be in the future');
    }
    if (input.explantedOn < pump.implantedOn) throw AppError.rule('explantedOn', 'cannot be before the implant date');
    const before = pumpAuditView(pump);
    Object.assign(pump, {
      status: 'explanted',
      explantedOn: input.explantedOn,
      explantReason: input.reason,
      alarmAt: null,
      emptyAt: null,
      refillBy: null,
    });
    const saved = await this.pumps.saveVersioned(m, pump, input.version);
    await m.insert(PumpEventEntity, {
      clinicId: actor.clinicId,
      pumpId: id,
      type: 'explant',
      occurredAt: this.clock.now(),
      recordedBy: actor.id,
      notes: input.reason,
    });
    await this.audit.record(m, {
      clinicId: actor.clinicId,
      actorId: actor.id,
      action: 'pump.explant',
      entityType: 'pump',
      entityId: id,
      patientId: pump.patientId,
      before,
      after: pumpAuditView(saved),
      reason: input.reason,
    });
    await this.flags.evaluatePump(m, id, { actorId: actor.id, reason: 'Pump explanted' });
    return saved;
  }
}
