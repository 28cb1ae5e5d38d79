import { PUMP_CATALOGUE, MS_PER_DAY, roundTo, toLocalDate, type PumpModel } from '@itb/domain';
import type { SessionUser } from '../common/request-context.js';
import type { AppointmentsService } from '../modules/appointments/appointments.service.js';
import type { DoseAdjustmentsService } from '../modules/dose-adjustments/dose-adjustments.service.js';
import type { FillsService } from '../modules/fills/fills.service.js';
import type { PumpsService } from '../modules/pumps/pumps.service.js';
import { clinicSlotOn } from './clinic-slots.js';
import type { seededRandom } from './seeded-random.js';

const MODELS: PumpModel[] = ['synchromed_ii_20', 'synchromed_ii_40', 'prometra_ii_20', 'prometra_ii_40'];
const REGIMENS = [
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 550 },
  { concentrationMcgPerMl: 1000, dailyDoseMcg: 250 },
  { concentrationMcgPerMl: 1000, dailyDoseMcg: 180 },
  { concentrationMcgPerMl: 500, dailyDoseMcg: 110 },
  { concentrationMcgPerMl: 2000, dailyDoseMcg: 700 },
];
const HISTORY_DAYS = 730;

export interface HistoryServices {
  pumps: PumpsService;
  fills: FillsService;
  doseAdjustments: DoseAdjustmentsService;
  appointments: AppointmentsService;
  /** The pump's version now: every clinical write names it. */
  pumpVersion: (pumpId: string) => Promise<number>;
  /** Stands the services' clock at a moment of the history (null: the present). */
  travelTo: (at: number | null) => void;
}

/** A record is written half an hour after the moment it describes, as a nurse at the desk would. */
const WRITE_DELAY_MS = 30 * 60_000;

export type Standing = 'overdue' | 'due_soon' | 'comfortable';

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
/** The same calendar day `years` earlier (28 February for a 29th in a common year). */
const yearsBefore = (date: string, years: number) =>
  `${Number(date.slice(0, 4)) - years}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;

/**
 * A pump with two years of refills, written through the same services as the API. The last fill is
 * placed so that today the patient is overdue, due soon or comfortable; most refills are on time, a
 * few are late, and a few residuals are off enough to need investigating.
 */
export async function seedPumpHistory(
  services: HistoryServices,
  staff: { specialist: SessionUser; nurse: SessionUser; timeZone: string },
  patientId: string,
  standing: Standing,
  random: ReturnType<typeof seededRandom>,
  nowMs: number,
  options: { estimatedEriInDays?: number } = {},
): Promise<{ pumpId: string; showsEstimatedEri: boolean }> {
  const model = random.pick(MODELS);
  const spec = PUMP_CATALOGUE[model];
  const reservoirMl = spec.reservoirMl!;
  const regimen = random.pick(REGIMENS);
  const concentration = regimen.concentrationMcgPerMl;
  const usableMl = reservoirMl - spec.alarmMl!;
  const alarmDaysAt = (dose: number) => (usableMl * concentration) / dose;

  // The current fill: some patients had their dose titrated up 10 % a week into it.
  const daysToAlarm =
    standing === 'overdue' ? -random.int(1, 6) : standing === 'due_soon' ? random.int(7, 18) : random.int(25, 60);
  const lastDose = regimen.dailyDoseMcg;
  const titratedDose = roundTo(lastDose * 1.1, 0);
  const titratedAlarmDays = 7 + ((usableMl - (7 * lastDose) / concentration) * concentration) / titratedDose;
  let titrated = random.chance(0.15) && titratedAlarmDays - daysToAlarm > 8;
  const sinceLastDays = Math.max(
    2,
    Math.min((titrated ? titratedAlarmDays : alarmDaysAt(lastDose)) - daysToAlarm, 170),
  );
  titrated &&= sinceLastDays > 8;

  // Earlier fills, planned backwards so that the current standing holds: most on time, a few late,
  // and the dose titrated up 10 % at an occasional refill over the two years.
  // Every refill in a clinic slot (09:00-15:30 on a clinic day), so the history reads like a clinic's.
  const slot = (ms: number) => clinicSlotOn(ms, staff.timeZone, random);
  const plan = [{ at: slot(nowMs - sinceLastDays * MS_PER_DAY), dose: lastDose }];
  while (plan[0]!.at > nowMs - HISTORY_DAYS * MS_PER_DAY) {
    const dose = random.chance(0.15) ? roundTo(plan[0]!.dose / 1.1, 0) : plan[0]!.dose;
    // Days from the alarm: usually 6–14 before it; now and then after refill-by, or even after the alarm.
    const late = random.chance(0.08) ? random.int(-4, 3) : -random.int(6, 14);
    plan.unshift({ at: slot(plan[0]!.at - Math.min(alarmDaysAt(dose) + late, 175) * MS_PER_DAY), dose });
  }
  // Implanted the day of the first fill, which the history opens with (issue 14 item 15), on the clinic's calendar.
  const drawnImplant = toLocalDate(new Date(plan[0]!.at), staff.timeZone);
  // SynchroMed II: the battery lasts 5–7 years (CLINICAL.md "Pumps"). A pump past 5 years has had its ERI
  // date from interrogation; a younger one has none, and the product shows its 5-year estimate. Asked
  // for, a SynchroMed's implant date is set so that the estimate falls the given number of days from now.
  const isSynchroMed = model.startsWith('synchromed');
  const showsEstimatedEri = isSynchroMed && options.estimatedEriInDays !== undefined;
  const implantedOn = showsEstimatedEri
    ? yearsBefore(dateOf(nowMs + options.estimatedEriInDays! * MS_PER_DAY), 5)
    : drawnImplant;
  const pastEstimate = nowMs - Date.parse(implantedOn) > 5 * 365.25 * MS_PER_DAY;
  const lot = () => ({
    drugProduct: regimen.concentrationMcgPerMl === 1000 ? 'Gablofen' : 'Lioresal Intrathecal',
    lotNumber: `L${random.int(10_000, 99_999)}`,
  });
  services.travelTo(plan[0]!.at + WRITE_DELAY_MS);
  const pump = await services.pumps.implant(staff.specialist, patientId, {
    model,
    serialNumber: `${model.startsWith('synchromed') ? 'NGP' : 'PII'}${random.int(100_000, 999_999)}H`,
    implantedOn,
    catheterTipLevel: random.pick(['T10', 'T8', 'T6', 'T4', 'C5']),
    eriDate: isSynchroMed && pastEstimate ? dateOf(Date.parse(implantedOn) + 7 * 365 * MS_PER_DAY) : null,
    initialFill: {
      performedAt: iso(plan[0]!.at),
      volumeAddedMl: reservoirMl,
      concentrationMcgPerMl: concentration,
      dailyDoseMcg: plan[0]!.dose,
      lotExpiresOn: dateOf(plan[0]!.at + 400 * MS_PER_DAY),
      ...lot(),
    },
  });

  for (let i = 1; i < plan.length; i++) {
    const elapsedDays = (plan[i]!.at - plan[i - 1]!.at) / MS_PER_DAY;
    const expectedMl = Math.max(0, reservoirMl - (elapsedDays * plan[i - 1]!.dose) / concentration);
    const offMl = random.chance(0.04) ? 2.5 : (random.next() - 0.5) * 0.6;
    // Each refill was booked a week ahead; now and then the patient missed a first booking a week before.
    if (random.chance(0.05)) {
      services.travelTo(plan[i]!.at - 14 * MS_PER_DAY);
      const missed = await services.appointments.create(staff.nurse, {
        patientId,
        type: 'refill',
        startsAt: iso(plan[i]!.at - 7 * MS_PER_DAY),
      });
      services.travelTo(plan[i]!.at - 7 * MS_PER_DAY + 2 * 3_600_000);
      await services.appointments.update(staff.nurse, missed.id, { version: missed.version, status: 'noshow' });
    }
    services.travelTo(plan[i]!.at - 7 * MS_PER_DAY);
    await services.appointments.create(staff.nurse, { patientId, type: 'refill', startsAt: iso(plan[i]!.at) });
    services.travelTo(plan[i]!.at + WRITE_DELAY_MS);
    await services.fills.record(staff.nurse, pump.id, {
      pumpVersion: await services.pumpVersion(pump.id),
      performedAt: iso(plan[i]!.at),
      residualWithdrawnMl: roundTo(Math.min(reservoirMl, Math.max(0, expectedMl + offMl)), 1),
      volumeAddedMl: reservoirMl,
      concentrationMcgPerMl: concentration,
      dailyDoseMcg: plan[i]!.dose,
      lotExpiresOn: dateOf(plan[i]!.at + 400 * MS_PER_DAY),
      ...lot(),
    });
  }

  if (titrated) {
    services.travelTo(plan[plan.length - 1]!.at + 7 * MS_PER_DAY + WRITE_DELAY_MS);
    await services.doseAdjustments.record(staff.nurse, pump.id, {
      pumpVersion: await services.pumpVersion(pump.id),
      effectiveAt: iso(plan[plan.length - 1]!.at + 7 * MS_PER_DAY),
      newDailyDoseMcg: titratedDose,
      reason: 'titration_up',
      orderedById: staff.specialist.id,
    });
  }
  services.travelTo(null);
  return { pumpId: pump.id, showsEstimatedEri };
}
