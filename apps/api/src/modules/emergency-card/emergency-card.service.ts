import { Injectable } from '@nestjs/common';
import { type EmergencyCard, mriInstructionFor } from '@itb/contracts';
import { ageBandOn, PUMP_CATALOGUE, toLocalDate } from '@itb/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { PatientsRepository } from '../patients/patients.repository.js';
import { PumpEntity } from '../pumps/pump.entity.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';

/** The facts on a patient's emergency wallet card: the same stored numbers the patient page shows. */
@Injectable()
export class EmergencyCardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly patients: PatientsRepository,
    private readonly pumps: PumpsRepository,
    private readonly clinics: ClinicsService,
    private readonly clock: Clock,
  ) {}

  async card(clinicId: string, patientId: string): Promise<EmergencyCard> {
    const m = this.dataSource.manager;
    const patient = await this.patients.findInClinic(m, clinicId, patientId);
    const pump = await m.findOneBy(PumpEntity, { patientId, status: 'active' });
    const fill = pump ? await this.pumps.findCurrentFill(m, pump) : null;
    if (!pump || !fill || !pump.alarmAt || !pump.refillBy || pump.currentDailyDoseMcg === null) {
      throw AppError.rule('patientId', 'has no active pump with a fill: there is nothing to put on a card');
    }
    const clinic = await this.clinics.get(clinicId, m);
    // The card's whole point is a number to call at any hour (DESIGN.md "Emergency wallet card").
    if (!clinic.emergencyPhone?.trim()) {
      throw new AppError(
        'RULE_VIOLATION',
        'The clinic has no 24-hour phone number, so no card can be printed: an administrator must set it in the clinic settings',
        [
          {
            field: 'emergencyPhone',
            message: 'is not set: an administrator must add the 24-hour phone in the clinic settings',
          },
        ],
      );
    }
    const today = toLocalDate(this.clock.now(), clinic.timeZone);
    return {
      patientId,
      patientName: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
      ageBand: ageBandOn(patient.birthDate, today),
      pumpModel: PUMP_CATALOGUE[pump.model].label,
      pumpModelCode: pump.model,
      serialNumber: pump.serialNumber,
      catheterTipLevel: pump.catheterTipLevel,
      drugProduct: fill.drugProduct,
      concentrationMcgPerMl: fill.concentrationMcgPerMl,
      dailyDoseMcg: pump.currentDailyDoseMcg,
      alarmDate: toLocalDate(pump.alarmAt, clinic.timeZone),
      refillByDate: pump.refillBy,
      clinicName: clinic.name,
      emergencyPhone: clinic.emergencyPhone.trim(),
      cautions: patient.cautions,
      interactingMedicines: patient.interactingMedicines,
      oralBaclofenBackupMgPerDay: patient.oralBaclofenBackupMgPerDay,
      mriInstruction: mriInstructionFor(pump.model),
      printedOn: today,
    };
  }
}
