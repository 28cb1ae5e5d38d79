import { Injectable } from '@nestjs/common';
import type { FillWorksheet, RefillWorksheet, WorksheetPatient, WorksheetPump } from '@itb/contracts';
import {
  doseInForceAt,
  isResidualDiscrepant,
  leftInReservoirMl,
  planRefill,
  project,
  PUMP_CATALOGUE,
  residualFoundMl,
} from '@itb/domain';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicsService, scheduleOf } from '../clinics/clinics.service.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { toProjectionResponse } from '../pumps/pump-mappers.js';
import { FillEntity } from '../pumps/fill.entity.js';
import { PumpEntity } from '../pumps/pump.entity.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * The refill worksheets: the page printed before a refill (the pump as it is now, planned with libs/domain
 * `planRefill`) and the record printed after one (the fill's stored snapshot, which libs/domain computed
 * when it was recorded). Reading either is a read; exporting either as a PDF is audited.
 */
@Injectable()
export class RefillWorksheetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly clinics: ClinicsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async beforeRefill(clinicId: string, pumpId: string): Promise<RefillWorksheet> {
    const m = this.dataSource.manager;
    const pump = await this.pumps.findInClinic(m, clinicId, pumpId);
    const state = pump.status === 'active' ? await this.pumps.stateOf(m, pump) : null;
    if (!state) throw AppError.rule('pumpId', 'has no active fill: there is no refill to plan');
    const clinic = await this.clinics.get(clinicId, m);
    const schedule = scheduleOf(clinic);
    const now = this.clock.now();
    const plan = planRefill({
      current: state.drain,
      reservoirMl: pump.reservoirMl,
      alarmMl: pump.alarmMl,
      schedule,
      at: now,
    });
    const projection = project(state.drain, pump.alarmMl, schedule, now);
    const { fill } = state;
    return {
      patient: await this.patientOf(m, pump),
      pump: pumpOf(pump),
      clinicName: clinic.name,
      timeZone: clinic.timeZone,
      preparedAt: now.toISOString(),
      current: {
        fillId: fill.id,
        filledAt: fill.performedAt.toISOString(),
        reservoirVolumeAfterMl: fill.reservoirVolumeAfterMl,
        drugProduct: fill.drugProduct,
        concentrationMcgPerMl: fill.concentrationMcgPerMl,
        lotNumber: fill.lotNumber,
        programmedDailyDoseMcg: plan.programmedDailyDoseMcg,
        programmedDailyVolumeMl: plan.programmedDailyVolumeMl,
        patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
        alarmAt: projection.alarmAt.toISOString(),
        refillBy: projection.refillBy,
      },
      expectedResidualMl: plan.expectedResidualMl,
      plannedVolumeMl: plan.plannedVolumeMl,
      settings: {
        reservoirVolumeMl: plan.plannedVolumeMl,
        drugProduct: fill.drugProduct,
        concentrationMcgPerMl: fill.concentrationMcgPerMl,
        dailyDoseMcg: plan.programmedDailyDoseMcg,
        mode: fill.mode,
        patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
        lowReservoirAlarmMl: pump.alarmMl,
      },
      afterRefill: toProjectionResponse(plan.projection),
    };
  }

  async afterRefill(clinicId: string, fillId: string): Promise<FillWorksheet> {
    const m = this.dataSource.manager;
    const fill = await m.findOneBy(FillEntity, { id: fillId, clinicId });
    if (!fill) throw AppError.notFound('Fill');
    if (fill.isInitial || fill.residualWithdrawnMl === null || fill.expectedResidualMl === null) {
      throw AppError.rule('fillId', 'is the first fill at implant: only a refill has a refill record');
    }
    const pump = await m.findOneByOrFail(PumpEntity, { id: fill.pumpId });
    const clinic = await this.clinics.get(clinicId, m);
    const previous = await m.findOne(FillEntity, {
      where: { pumpId: fill.pumpId, performedAt: LessThan(fill.performedAt) },
      order: { performedAt: 'DESC' },
    });
    const justBefore = new Date(fill.performedAt.getTime() - 1);
    const steps = await this.pumps.doseStepsSince(m, fill.pumpId, justBefore);
    const recorder = await m.findOneByOrFail(UserEntity, { id: fill.performedBy });
    const found =
      fill.residualFoundMl ??
      residualFoundMl(fill.residualWithdrawnMl, fill.reservoirVolumeAfterMl, fill.volumeAddedMl);
    const discrepancyMl = fill.discrepancyMl ?? 0;
    return {
      patient: await this.patientOf(m, pump),
      pump: pumpOf(pump),
      clinicName: clinic.name,
      timeZone: clinic.timeZone,
      fillId: fill.id,
      performedAt: fill.performedAt.toISOString(),
      found: {
        expectedResidualMl: fill.expectedResidualMl,
        residualWithdrawnMl: fill.residualWithdrawnMl,
        leftInReservoirMl: leftInReservoirMl(fill.reservoirVolumeAfterMl, fill.volumeAddedMl),
        residualFoundMl: found,
        patientBolusesDeliveredMl: fill.patientBolusesDeliveredMl,
        discrepancyMl,
        deliveryErrorPct: fill.deliveryErrorPct,
        isDiscrepant: isResidualDiscrepant({ discrepancyMl, deliveryErrorPct: fill.deliveryErrorPct }),
        emptySince: fill.emptySince?.toISOString() ?? null,
      },
      previous: {
        concentrationMcgPerMl: previous?.concentrationMcgPerMl ?? fill.concentrationMcgPerMl,
        dailyDoseMcg: doseInForceAt(steps, justBefore) ?? fill.dailyDoseMcg,
      },
      done: {
        volumeAddedMl: fill.volumeAddedMl,
        reservoirVolumeAfterMl: fill.reservoirVolumeAfterMl,
        drugProduct: fill.drugProduct,
        concentrationMcgPerMl: fill.concentrationMcgPerMl,
        lotNumber: fill.lotNumber,
        lotExpiresOn: fill.lotExpiresOn,
        dailyDoseMcg: fill.dailyDoseMcg,
        mode: fill.mode,
        patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
        mixedConcentrationMcgPerMl: fill.mixedConcentrationMcgPerMl,
        realDailyDoseMcg: fill.realDailyDoseMcg,
        bridgeBolusGiven: fill.bridgeBolusGiven,
        primingBolusGiven: fill.primingBolusGiven,
        notes: fill.notes,
      },
      result: { alarmAt: fill.alarmAt.toISOString(), emptyAt: fill.emptyAt.toISOString(), refillBy: fill.refillBy },
      signedBy: { name: recorder.name, role: recorder.role, recordedAt: fill.createdAt.toISOString() },
    };
  }

  /** A worksheet leaving as a PDF is a copy of clinical data on paper: the audit log keeps who took it. */
  async recordExport(
    actor: SessionUser,
    sheet: { kind: 'before'; worksheet: RefillWorksheet } | { kind: 'after'; worksheet: FillWorksheet },
  ): Promise<void> {
    const { worksheet } = sheet;
    await this.audit.record(this.dataSource.manager, {
      clinicId: actor.clinicId,
      actorId: actor.id,
      patientId: worksheet.patient.id,
      ...(sheet.kind === 'before'
        ? {
            action: 'pump.worksheet_export',
            entityType: 'pump',
            entityId: worksheet.pump.id,
            after: {
              document: 'Refill worksheet (PDF)',
              preparedAt: sheet.worksheet.preparedAt,
              expectedResidualMl: sheet.worksheet.expectedResidualMl,
              plannedVolumeMl: sheet.worksheet.plannedVolumeMl,
            },
          }
        : {
            action: 'fill.worksheet_export',
            entityType: 'fill',
            entityId: sheet.worksheet.fillId,
            after: { document: 'Refill record (PDF)', performedAt: sheet.worksheet.performedAt },
          }),
    });
  }

  private async patientOf(m: EntityManager, pump: PumpEntity): Promise<WorksheetPatient> {
    const patient = await m.findOneByOrFail(PatientEntity, { id: pump.patientId });
    return {
      id: patient.id,
      name: `${patient.givenName} ${patient.familyName}`,
      mrn: patient.mrn,
      birthDate: patient.birthDate,
    };
  }
}

const pumpOf = (pump: PumpEntity): WorksheetPump => ({
  id: pump.id,
  modelLabel: PUMP_CATALOGUE[pump.model].label,
  serialNumber: pump.serialNumber,
  reservoirMl: pump.reservoirMl,
  alarmMl: pump.alarmMl,
  catheterTipLevel: pump.catheterTipLevel,
});
