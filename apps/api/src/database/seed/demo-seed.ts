import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { CreatePatientRequest, Diagnosis, Role, SpasticityOrigin } from '@itb/contracts';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../../common/request-context.js';
import { hashPassword } from '../../modules/auth/password-hasher.js';
import { ClinicEntity } from '../../modules/clinics/clinic.entity.js';
import { PatientsService } from '../../modules/patients/patients.service.js';
import { PumpsService } from '../../modules/pumps/pumps.service.js';
import { DoseAdjustmentsService } from '../../modules/dose-adjustments/dose-adjustments.service.js';
import { AppointmentsService } from '../../modules/appointments/appointments.service.js';
import { FillsService } from '../../modules/fills/fills.service.js';
import { DEMO_CLINIC_DAYS } from './clinic-slots.js';
import { seedSafetyStates } from './demo-safety-states.js';
import { seedTodaysClinic } from './demo-today.js';
import { seedFlaggedStates, type SeededPump } from './demo-flags.js';
import { seedPumpHistory } from './demo-history.js';
import type { SeedClock } from './seed-clock.js';
import { UserEntity } from '../../modules/users/user.entity.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './demo-names.js';
import { seededRandom } from './seeded-random.js';

/** Demo mode only: README says so. */
export const DEMO_PASSWORD = 'demo-pass-2026';

interface DemoClinic {
  key: 'northside' | 'riverside';
  name: string;
  timeZone: string;
  emergencyPhone: string;
  mrnPrefix: string;
}

const CLINICS: DemoClinic[] = [
  {
    key: 'northside',
    name: 'Northside ITB Clinic',
    timeZone: 'Europe/London',
    emergencyPhone: '+44 20 7946 0958',
    mrnPrefix: 'NS',
  },
  {
    key: 'riverside',
    name: 'Riverside Rehabilitation',
    timeZone: 'America/Chicago',
    emergencyPhone: '+1 312 555 0142',
    mrnPrefix: 'RR',
  },
];

export const DEMO_USERS: { clinic: DemoClinic['key']; email: string; name: string; role: Role }[] = [
  { clinic: 'northside', email: 'specialist@northside.example', name: 'Dr Amara Okafor', role: 'specialist' },
  { clinic: 'northside', email: 'nurse@northside.example', name: 'Nurse Tom Hughes', role: 'nurse' },
  { clinic: 'northside', email: 'admin@northside.example', name: 'Priya Shah', role: 'admin' },
  { clinic: 'riverside', email: 'specialist@riverside.example', name: 'Dr Daniel Reyes', role: 'specialist' },
  { clinic: 'riverside', email: 'nurse@riverside.example', name: 'Nurse Grace Miller', role: 'nurse' },
];

const PATIENTS_PER_CLINIC = 40;
const DIAGNOSES: { diagnosis: Diagnosis; origin: SpasticityOrigin }[] = [
  { diagnosis: 'ms', origin: 'spinal' },
  { diagnosis: 'sci', origin: 'spinal' },
  { diagnosis: 'cp', origin: 'cerebral' },
  { diagnosis: 'tbi', origin: 'cerebral' },
  { diagnosis: 'stroke', origin: 'cerebral' },
  { diagnosis: 'other', origin: 'mixed' },
];

/**
 * Two demo clinics, their staff and ~40 patients each, written through the same services as the API,
 * so every stored number comes from the reservoir engine. Days to alarm are spread: a few overdue,
 * some due within two weeks, most comfortable.
 */
export async function seedDemo(app: INestApplicationContext, clock: SeedClock): Promise<void> {
  const logger = new Logger('Seed');
  const dataSource = app.get(DataSource);
  const patients = app.get(PatientsService);
  const services = {
    pumps: app.get(PumpsService),
    fills: app.get(FillsService),
    doseAdjustments: app.get(DoseAdjustmentsService),
    appointments: app.get(AppointmentsService),
    travelTo: (at: number | null) => clock.travelTo(at),
  };
  const now = clock.now();
  if (await dataSource.manager.existsBy(ClinicEntity, { name: CLINICS[0]!.name })) {
    logger.log({ msg: 'demo data already present: not seeding again' });
    return;
  }
  const random = seededRandom(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const demo of CLINICS) {
    const clinic = await dataSource.manager.save(
      dataSource.manager.create(ClinicEntity, {
        name: demo.name,
        timeZone: demo.timeZone,
        clinicDays: DEMO_CLINIC_DAYS,
        refillLeadDays: 5,
        dueSoonWindowDays: 14,
        maxDrugDaysInPump: 180,
        emergencyPhone: demo.emergencyPhone,
      }),
    );
    const staff = await dataSource.manager.save(
      DEMO_USERS.filter((u) => u.clinic === demo.key).map((u) =>
        dataSource.manager.create(UserEntity, {
          clinicId: clinic.id,
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          isActive: true,
        }),
      ),
    );
    const specialist = staff.find((u) => u.role === 'specialist')!;
    const nurse = staff.find((u) => u.role === 'nurse')!;
    const actor: SessionUser = { ...specialist, clinicId: clinic.id, sessionId: 'demo-seed' };
    const nurseActor: SessionUser = { ...nurse, clinicId: clinic.id, sessionId: 'demo-seed' };

    const seeded: SeededPump[] = [];
    for (let i = 0; i < PATIENTS_PER_CLINIC; i++) {
      const { diagnosis, origin } = random.pick(DIAGNOSES);
      const age = random.int(9, 82);
      const birthYear = now.getUTCFullYear() - age;
      const input: CreatePatientRequest = {
        mrn: `${demo.mrnPrefix}-${String(10_000 + i * 37).padStart(6, '0')}`,
        givenName: random.pick(GIVEN_NAMES),
        familyName: random.pick(FAMILY_NAMES),
        birthDate: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        sex: random.pick(['female', 'male'] as const),
        spasticityOrigin: origin,
        diagnosis,
        riskFactors: [
          ...(diagnosis === 'sci' && random.chance(0.6) ? (['sci_t6_or_above'] as const) : []),
          ...(origin === 'cerebral' && random.chance(0.35) ? (['communication_difficulty'] as const) : []),
          ...(random.chance(0.08) ? (['prior_withdrawal'] as const) : []),
        ],
        cautions: [
          ...(age > 65 ? (['age_over_65'] as const) : []),
          ...(random.chance(0.1) ? (['epilepsy'] as const) : []),
          ...(random.chance(0.15) ? (['cns_depressants'] as const) : []),
        ],
        oralBaclofenBackupMgPerDay: random.chance(0.7) ? random.pick([30, 40, 60]) : null,
        primarySpecialistId: specialist.id,
        phone: `+44 7700 9${String(random.int(10_000, 99_999))}`,
        emergencyContact: `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)} (family)`,
      };
      const patient = await patients.create(actor, input);

      // Where this patient stands today: one in ten overdue, two in ten due within two weeks.
      const bucket = i % 10;
      const pumpId = await seedPumpHistory(
        services,
        { specialist: actor, nurse: nurseActor, timeZone: demo.timeZone },
        patient.id,
        bucket === 0 ? 'overdue' : bucket <= 2 ? 'due_soon' : 'comfortable',
        random,
        now.getTime(),
      );
      seeded.push({ patientId: patient.id, pumpId });
    }
    const clinicStaff = { specialist: actor, nurse: nurseActor, timeZone: demo.timeZone, clinicDays: DEMO_CLINIC_DAYS };
    await seedFlaggedStates(app, clock, clinicStaff, seeded);
    await seedSafetyStates(app, clock, clinicStaff, seeded);
    await seedTodaysClinic(app, clock, clinicStaff, seeded);
    logger.log({ msg: 'demo clinic seeded', clinicId: clinic.id, patients: PATIENTS_PER_CLINIC });
  }
}
