import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { CreatePatientRequest, Diagnosis, Role, SpasticityOrigin } from '@itb/contracts';
import { PUMP_CATALOGUE, MS_PER_DAY, type PumpModel } from '@itb/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { hashPassword } from '../../modules/auth/password-hasher.js';
import { ClinicEntity } from '../../modules/clinics/clinic.entity.js';
import { PatientsService } from '../../modules/patients/patients.service.js';
import { PumpsService } from '../../modules/pumps/pumps.service.js';
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
const MODELS: PumpModel[] = ['synchromed_ii_20', 'synchromed_ii_40', 'prometra_ii_20', 'prometra_ii_40'];
const REGIMENS = [
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 550 },
  { concentrationMcgPerMl: 1000, dailyDoseMcg: 250 },
  { concentrationMcgPerMl: 1000, dailyDoseMcg: 180 },
  { concentrationMcgPerMl: 500, dailyDoseMcg: 110 },
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 700 },
];

/**
 * Two demo clinics, their staff and ~40 patients each, written through the same services as the API,
 * so every stored number comes from the reservoir engine. Days to alarm are spread: a few overdue,
 * some due within two weeks, most comfortable.
 */
export async function seedDemo(app: INestApplicationContext): Promise<void> {
  const logger = new Logger('Seed');
  const dataSource = app.get(DataSource);
  const patients = app.get(PatientsService);
  const pumps = app.get(PumpsService);
  const now = app.get(Clock).now();
  const random = seededRandom(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const demo of CLINICS) {
    const clinic = await dataSource.manager.save(
      dataSource.manager.create(ClinicEntity, {
        name: demo.name,
        timeZone: demo.timeZone,
        clinicDays: [1, 2, 3, 4, 5],
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
    const actor: SessionUser = { ...specialist, clinicId: clinic.id, sessionId: 'demo-seed' };

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

      const model = random.pick(MODELS);
      const spec = PUMP_CATALOGUE[model];
      const regimen = random.pick(REGIMENS);
      const reservoirMl = spec.reservoirMl!;
      const alarmDays = ((reservoirMl - spec.alarmMl!) * regimen.concentrationMcgPerMl) / regimen.dailyDoseMcg;
      // Where this patient stands today: i % 10 === 0 overdue, 1–2 due soon, the rest comfortable.
      const bucket = i % 10;
      const daysToAlarm =
        bucket === 0
          ? -random.int(1, 6)
          : bucket <= 2
            ? random.int(6, 18)
            : random.int(25, Math.max(30, alarmDays - 5));
      const daysSinceFill = Math.max(1, Math.min(alarmDays - daysToAlarm, 170));
      const performedAt = new Date(now.getTime() - daysSinceFill * MS_PER_DAY - random.int(0, 6) * 3_600_000);
      const implantYearsAgo = random.int(1, 6);
      const implantedOn = new Date(performedAt.getTime() - implantYearsAgo * 365 * MS_PER_DAY)
        .toISOString()
        .slice(0, 10);
      await pumps.implant(actor, patient.id, {
        model,
        serialNumber: `${model.startsWith('synchromed') ? 'NGP' : 'PII'}${random.int(100_000, 999_999)}H`,
        implantedOn,
        catheterTipLevel: random.pick(['T10', 'T8', 'T6', 'T4', 'C5']),
        eriDate: model.startsWith('synchromed')
          ? new Date(new Date(implantedOn).getTime() + 7 * 365 * MS_PER_DAY).toISOString().slice(0, 10)
          : null,
        initialFill: {
          performedAt: performedAt.toISOString(),
          volumeAddedMl: reservoirMl,
          concentrationMcgPerMl: regimen.concentrationMcgPerMl,
          dailyDoseMcg: regimen.dailyDoseMcg,
          drugProduct: regimen.concentrationMcgPerMl === 1000 ? 'Gablofen' : 'Lioresal Intrathecal',
          lotNumber: `L${random.int(10_000, 99_999)}`,
          lotExpiresOn: new Date(performedAt.getTime() + 400 * MS_PER_DAY).toISOString().slice(0, 10),
        },
      });
    }
    logger.log({ msg: 'demo clinic seeded', clinicId: clinic.id, patients: PATIENTS_PER_CLINIC });
  }
}
