import { Injectable } from '@nestjs/common';
import type { EmergencyCard } from '@itb/contracts';
import { PUMP_CATALOGUE, toLocalDate } from '@itb/domain';
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
    if (!pump || !fill || !pump.alarmAt || pump.currentDailyDoseMcg === null) {
      throw AppError.rule('patientId', 'has no active pump with a fill: there is nothing to put on a card');
    }
    const clinic = await this.clinics.get(clinicId, m);
    return {
      patientId,
      patientName: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
      pumpModel: PUMP_CATALOGUE[pump.model].label,
      serialNumber: pump.serialNumber,
      drugProduct: fill.drugProduct,
      concentrationMcgPerMl: fill.concentrationMcgPerMl,
      dailyDoseMcg: pump.currentDailyDoseMcg,
      alarmDate: toLocalDate(pump.alarmAt, clinic.timeZone),
      clinicName: clinic.name,
      emergencyPhone: clinic.emergencyPhone,
      oralBaclofenBackupMgPerDay: patient.oralBaclofenBackupMgPerDay,
      printedOn: toLocalDate(this.clock.now(), clinic.timeZone),
    };
  }
}
