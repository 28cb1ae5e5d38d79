import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import {
  type CreatePatientRequest,
  type Diagnosis,
  INTERACTING_MEDICINES,
  type InteractingMedicine,
  type Role,
  type SpasticityOrigin,
} from '@itb/contracts';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../common/request-context.js';
import { hashPassword } from '../modules/auth/password-hasher.js';
import { ClinicEntity } from '../modules/clinics/clinic.entity.js';
import { PatientsService } from '../modules/patients/patients.service.js';
import { PumpsService } from '../modules/pumps/pumps.service.js';
import { DoseAdjustmentsService } from '../modules/dose-adjustments/dose-adjustments.service.js';
import { AppointmentsService } from '../modules/appointments/appointments.service.js';
import { FillsService } from '../modules/fills/fills.service.js';
import { DEMO_CLINIC_DAYS } from './clinic-slots.js';
import { seedSafetyStates } from './demo-safety-states.js';
import { seedTodaysClinic } from './demo-today.js';
import { seedFlaggedStates, type SeededPump } from './demo-flags.js';
import { seedPumpHistory } from './demo-history.js';
import type { SeedClock } from './seed-clock.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { demoContact, FAMILY_NAMES, GIVEN_NAMES, GIVEN_NAMES_BY_SEX } from './demo-names.js';
import { seededRandom } from './seeded-random.js';

/** Demo mode only: README says so. */
export const DEMO_PASSWORD = 'demo-pass-2026';

interface DemoClinic {
  key: 'northside' | 'riverside';
  name: string;
  timeZone: string;
  emergencyPhone: string;
  mrnPrefix: string;
  /** The last line of demo patients' postal addresses. */
  town: string;
}

const CLINICS: DemoClinic[] = [
  {
    key: 'northside',
    name: 'Northside ITB Clinic',
    timeZone: 'Europe/London',
    emergencyPhone: '+44 20 7946 0958',
    mrnPrefix: 'NS',
    town: 'London N1 7AA',
  },
  {
    key: 'riverside',
    name: 'Riverside Rehabilitation',
    timeZone: 'America/Chicago',
    emergencyPhone: '+1 312 555 0142',
    mrnPrefix: 'RR',
    town: 'Chicago, IL 60601',
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

/** One or two interacting medicines, varied by patient (CLINICAL.md "Overdose, withdrawal signs and interactions"). */
function demoMedicines(i: number): InteractingMedicine[] {
  const first = INTERACTING_MEDICINES[i % INTERACTING_MEDICINES.length]!;
  const second = INTERACTING_MEDICINES[(i + 3) % INTERACTING_MEDICINES.length]!;
  return i % 2 === 0 ? [first] : [first, second];
}

/**
 * Cautions and back-ups every demo clinic shows at least once, chosen by position so the random draws
 * (and so every other seeded state) stay as they were: a breastfeeding mother, a hypersensitivity, renal
 * impairment in an older patient, someone on opioids and benzodiazepines, and an oral back-up above the
 * usual 80 mg/day maximum. Children and over-65s come from the birth dates (ages 9 to 82).
 */
function addDemoSafetyStates(
  input: CreatePatientRequest,
  i: number,
  age: number,
  shown: { breastfeeding: boolean },
): void {
  const cautions = new Set(input.cautions ?? []);
  if (!shown.breastfeeding && input.sex === 'female' && age >= 20 && age <= 42) {
    cautions.add('breastfeeding');
    shown.breastfeeding = true;
  }
  if (i === 9) cautions.add('hypersensitivity');
  if (age >= 70 && i % 3 === 0) cautions.add('renal_impairment');
  input.cautions = [...cautions];
  if (i === 16) input.interactingMedicines = ['opioids', 'benzodiazepines'];
  if (i === 17) input.oralBaclofenBackupMgPerDay = 90;
}

/**
 * Two demo clinics, their staff and ~40 patients each, written through the same services as the API,
 * so every stored number comes from the reservoir engine. Days to alarm are spread: a few overdue,
 * some due within two weeks, most comfortable.
 */
export async function seedDemo(
  app: INestApplicationContext,
  clock: SeedClock,
  options: { timeZone?: string } = {},
): Promise<void> {
  const logger = new Logger('Seed');
  const dataSource = app.get(DataSource);
  const patients = app.get(PatientsService);
  const services = {
    pumps: app.get(PumpsService),
    fills: app.get(FillsService),
    doseAdjustments: app.get(DoseAdjustmentsService),
    appointments: app.get(AppointmentsService),
    travelTo: (at: number | null) => clock.travelTo(at),
    pumpVersion: async (pumpId: string) =>
      ((await dataSource.query('SELECT version FROM pumps WHERE id = $1', [pumpId])) as { version: number }[])[0]!
        .version,
  };
  const now = clock.now();
  if (await dataSource.manager.existsBy(ClinicEntity, { name: CLINICS[0]!.name })) {
    logger.log({ msg: 'demo data already present: not seeding again' });
    return;
  }
  // Demo accounts share a published password: they are never added beside real users.
  if (await dataSource.manager.exists(UserEntity)) {
    logger.warn({ msg: 'this database already has users: the demo data (and its accounts) is not seeded' });
    return;
  }
  const random = seededRandom(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const [index, demo] of CLINICS.entries()) {
    const timeZone = index === 0 && options.timeZone ? options.timeZone : demo.timeZone;
    const clinic = await dataSource.manager.save(
      dataSource.manager.create(ClinicEntity, {
        name: demo.name,
        timeZone,
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
          // The nurses read the morning digest (held in the outbox without SMTP_URL).
          staffDigest: u.role === 'nurse',
        }),
      ),
    );
    const specialist = staff.find((u) => u.role === 'specialist')!;
    const nurse = staff.find((u) => u.role === 'nurse')!;
    const actor: SessionUser = { ...specialist, clinicId: clinic.id, sessionId: 'demo-seed' };
    const nurseActor: SessionUser = { ...nurse, clinicId: clinic.id, sessionId: 'demo-seed' };

    const seeded: SeededPump[] = [];
    const shown = { breastfeeding: false, estimatedEri: false };
    for (let i = 0; i < PATIENTS_PER_CLINIC; i++) {
      const { diagnosis, origin } = random.pick(DIAGNOSES);
      const age = random.int(9, 82);
      const birthYear = now.getUTCFullYear() - age;
      // Drawn in the order the demo always drew them, so every later draw (and state) stays the same;
      // the given name is then taken from the names of the patient's sex.
      const nameDraw = random.next();
      const familyName = random.pick(FAMILY_NAMES);
      const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const sex = random.pick(['female', 'male'] as const);
      const givenNames = GIVEN_NAMES_BY_SEX[sex];
      const input: CreatePatientRequest = {
        mrn: `${demo.mrnPrefix}-${String(10_000 + i * 37).padStart(6, '0')}`,
        givenName: givenNames[Math.floor(nameDraw * givenNames.length)]!,
        familyName,
        birthDate,
        sex,
        spasticityOrigin: origin,
        diagnosis,
        riskFactors: [
          ...(diagnosis === 'sci' && random.chance(0.6) ? (['sci_t6_or_above'] as const) : []),
          ...(origin === 'cerebral' && random.chance(0.35) ? (['communication_difficulty'] as const) : []),
          ...(random.chance(0.08) ? (['prior_withdrawal'] as const) : []),
        ],
        cautions: [
          ...(random.chance(0.1) ? (['epilepsy'] as const) : []),
          ...(diagnosis === 'stroke' ? (['stroke_history'] as const) : []),
        ],
        interactingMedicines: random.chance(0.15) ? demoMedicines(i) : [],
        oralBaclofenBackupMgPerDay: random.chance(0.7) ? random.pick([30, 40, 60]) : null,
        primarySpecialistId: specialist.id,
        phone: `+44 7700 9${String(random.int(10_000, 99_999))}`,
        emergencyContact: `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)} (family)`,
      };
      Object.assign(input, demoContact(i, input.givenName, input.familyName, demo.town));
      addDemoSafetyStates(input, i, age, shown);
      const patient = await patients.create(actor, input);

      // Where this patient stands today: one in ten overdue, two in ten due within two weeks.
      const bucket = i % 10;
      const { pumpId, showsEstimatedEri } = await seedPumpHistory(
        services,
        { specialist: actor, nurse: nurseActor, timeZone },
        patient.id,
        bucket === 0 ? 'overdue' : bucket <= 2 ? 'due_soon' : 'comfortable',
        random,
        now.getTime(),
        // One SynchroMed past the patients the other states use: replacement due by the 5-year estimate.
        i >= 20 && !shown.estimatedEri ? { estimatedEriInDays: 75 } : {},
      );
      shown.estimatedEri ||= showsEstimatedEri;
      seeded.push({ patientId: patient.id, pumpId });
    }
    const clinicStaff = { specialist: actor, nurse: nurseActor, timeZone, clinicDays: DEMO_CLINIC_DAYS };
    await seedFlaggedStates(app, clock, clinicStaff, seeded);
    await seedSafetyStates(app, clock, clinicStaff, seeded);
    await seedTodaysClinic(app, clock, clinicStaff, seeded);
    logger.log({ msg: 'demo clinic seeded', clinicId: clinic.id, patients: PATIENTS_PER_CLINIC });
  }
}
