import { Injectable } from '@nestjs/common';
import type {
  CreatePatientRequest,
  PatientListQuery,
  PatientResponse,
  PatientSummary,
  Page,
  UpdatePatientRequest,
} from '@itb/contracts';
import { createPatientRequestSchema, EMAIL_CHANNEL_NEEDS_ADDRESS, type ReminderChannel } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { toLocalDate } from '@itb/domain';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { readAll, StaleReads } from '../../common/stale-reads.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { ClinicEntity } from '../clinics/clinic.entity.js';
import { ClinicsService, scheduleOf } from '../clinics/clinics.service.js';
import type { PumpEntity } from '../pumps/pump.entity.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { PumpsService } from '../pumps/pumps.service.js';
import { UserEntity } from '../users/user.entity.js';
import { PatientEntity } from './patient.entity.js';
import { patientAuditView, toPatientResponse, toPatientSummary } from './patient-mappers.js';
import { PatientsRepository } from './patients.repository.js';

const PG_UNIQUE_VIOLATION = '23505';

@Injectable()
export class PatientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staleReads: StaleReads,
    private readonly patients: PatientsRepository,
    private readonly pumpsRepository: PumpsRepository,
    private readonly pumps: PumpsService,
    private readonly clinics: ClinicsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Search may be a moment old (a read replica when there is one): a patient just added shows within a second or so. */
  async list(clinicId: string, query: PatientListQuery): Promise<Page<PatientSummary>> {
    const page = await this.staleReads.run((m) => this.patients.list(m, clinicId, query));
    return { items: page.items.map(toPatientSummary), nextCursor: page.nextCursor };
  }

  /** Opening a chart is recorded in the audit log. */
  async get(actor: SessionUser, id: string): Promise<PatientResponse> {
    const m = this.dataSource.manager;
    // The patient, its active pump and the clinic side by side: the pump is looked up in the caller's
    // clinic, so another clinic's patient id finds neither (404, and no view recorded).
    const [patient, pump, clinic] = await readAll(m, [
      () => this.patients.findInClinic(m, actor.clinicId, id),
      () => this.pumpsRepository.findActiveForPatient(m, id, actor.clinicId),
      () => this.clinics.get(actor.clinicId, m),
    ] as const);
    // The view is recorded while the chart is read (its own statement beside the reads): a chart is
    // answered only once its audit row is written.
    const [response] = await Promise.all([
      this.describe(m, patient, { pump, clinic }),
      this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'patient.view',
        entityType: 'patient',
        entityId: id,
        patientId: id,
      }),
    ]);
    return response;
  }

  /** The chart of `patient`; `known`: its active pump and clinic, when the caller read them already. */
  private async describe(
    m: EntityManager,
    patient: PatientEntity,
    known?: { pump: PumpEntity | null; clinic: ClinicEntity },
  ): Promise<PatientResponse> {
    const nameOf = async (id: string | null) => (id ? ((await m.findOneBy(UserEntity, { id }))?.name ?? null) : null);
    // Independent reads: side by side on the pool, one after another inside a write's transaction.
    const [pump, clinic] = known
      ? [known.pump, known.clinic]
      : await readAll(m, [
          () => this.pumpsRepository.findActiveForPatient(m, patient.id),
          () => this.clinics.get(patient.clinicId, m),
        ] as const);
    const [pumpResponse, specialistName, optedOutByName] = await readAll(m, [
      () => (pump ? this.pumps.describe(m, pump, scheduleOf(clinic)) : Promise.resolve(null)),
      () => nameOf(patient.primarySpecialistId),
      () => nameOf(patient.remindersOptedOutBy),
    ] as const);
    const clinicToday = toLocalDate(this.clock.now(), clinic.timeZone);
    return toPatientResponse(patient, pumpResponse, specialistName, optedOutByName, clinicToday);
  }

  private async assertSpecialist(m: EntityManager, clinicId: string, id: string | null | undefined): Promise<void> {
    if (!id) return;
    const user = await m.findOneBy(UserEntity, { id, clinicId, role: 'specialist', isActive: true });
    if (!user) throw AppError.rule('primarySpecialistId', 'must be an active specialist of this clinic');
  }

  async create(actor: SessionUser, input: CreatePatientRequest): Promise<PatientResponse> {
    const data = createPatientRequestSchema.parse(input);
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.assertSpecialist(m, actor.clinicId, data.primarySpecialistId);
        const { remindersOptOut, ...fields } = data;
        assertReminderChannel(data.reminderChannel, data.email ?? null);
        const patient = await m.save(
          m.create(PatientEntity, {
            ...fields,
            email: data.email ?? null,
            postalAddress: data.postalAddress ?? null,
            ...optOutChange(remindersOptOut, null, actor.id, this.clock.now()),
            clinicId: actor.clinicId,
            status: 'active',
            oralBaclofenBackupMgPerDay: data.oralBaclofenBackupMgPerDay ?? null,
            primarySpecialistId: data.primarySpecialistId ?? null,
            phone: data.phone ?? null,
            emergencyContact: data.emergencyContact ?? null,
            notes: data.notes ?? null,
          }),
        );
        const saved = await m.findOneByOrFail(PatientEntity, { id: patient.id });
        await this.audit.record(m, {
          clinicId: actor.clinicId,
          actorId: actor.id,
          action: 'patient.create',
          entityType: 'patient',
          entityId: saved.id,
          patientId: saved.id,
          after: patientAuditView(saved),
        });
        return this.describe(m, saved);
      });
    } catch (error) {
      throw this.mrnConflictOr(error);
    }
  }

  async update(actor: SessionUser, id: string, input: UpdatePatientRequest): Promise<PatientResponse> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const patient = await this.patients.findInClinic(m, actor.clinicId, id);
        if (patient.version !== input.version) throw AppError.stale('patient');
        await this.assertSpecialist(m, actor.clinicId, input.primarySpecialistId);
        const before = patientAuditView(patient);
        const { version, reason, remindersOptOut, ...changes } = input;
        assertReminderChannel(
          changes.reminderChannel ?? patient.reminderChannel,
          changes.email === undefined ? patient.email : changes.email,
        );
        const defined = {
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          ...optOutChange(remindersOptOut, patient.remindersOptedOutAt, actor.id, this.clock.now()),
        };
        const result = await m
          .createQueryBuilder()
          .update(PatientEntity)
          .set({ ...defined, version: () => 'version + 1', updatedAt: () => 'now()' })
          .where('id = :id AND version = :version', { id, version })
          .execute();
        if (result.affected !== 1) throw AppError.stale('patient');
        const saved = await m.findOneByOrFail(PatientEntity, { id });
        await this.audit.record(m, {
          clinicId: actor.clinicId,
          actorId: actor.id,
          action: 'patient.update',
          entityType: 'patient',
          entityId: id,
          patientId: id,
          before,
          after: patientAuditView(saved),
          reason: reason ?? null,
        });
        return this.describe(m, saved);
      });
    } catch (error) {
      throw this.mrnConflictOr(error);
    }
  }

  private mrnConflictOr(error: unknown): unknown {
    const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driverError?.code === PG_UNIQUE_VIOLATION && driverError.constraint === 'patients_clinic_mrn_key') {
      return new AppError('CONFLICT', 'Another patient in this clinic has this MRN', [
        { field: 'mrn', message: 'is already used by another patient' },
      ]);
    }
    return error;
  }
}

/** The API's half of the contract's rule: e-mail reminders need an address on the saved record. */
function assertReminderChannel(channel: ReminderChannel, email: string | null): void {
  if (channel === 'email' && !email) throw AppError.rule('reminderChannel', EMAIL_CHANNEL_NEEDS_ADDRESS);
}

/** An opt-out keeps the moment and who recorded it; asking again changes nothing; false withdraws it. */
function optOutChange(
  optOut: boolean | undefined,
  current: Date | null,
  actorId: string,
  now: Date,
): Partial<Pick<PatientEntity, 'remindersOptedOutAt' | 'remindersOptedOutBy'>> {
  if (optOut === true && !current) return { remindersOptedOutAt: now, remindersOptedOutBy: actorId };
  if (optOut === false && current) return { remindersOptedOutAt: null, remindersOptedOutBy: null };
  return {};
}
