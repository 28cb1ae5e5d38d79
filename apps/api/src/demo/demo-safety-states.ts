import type { INestApplicationContext } from '@nestjs/common';
import type { PumpResponse } from '@itb/contracts';
import { MS_PER_DAY, roundTo } from '@itb/domain';
import type { SessionUser } from '../common/request-context.js';
import { AppointmentsService } from '../modules/appointments/appointments.service.js';
import { DoseAdjustmentsService } from '../modules/dose-adjustments/dose-adjustments.service.js';
import { FillsService } from '../modules/fills/fills.service.js';
import { PumpEventsService } from '../modules/pump-events/pump-events.service.js';
import { PumpsService } from '../modules/pumps/pumps.service.js';
import type { SeededPump } from './demo-flags.js';
import type { SeedClock } from './seed-clock.js';

const HOUR_MS = 3_600_000;

/**
 * The states of issue 11 on demo patients, made through the services as a clinic would make them: a pump
 * recorded as stopped, a motor-stall alarm, a refill booked after the reservoir empties, a pump found dry and
 * refilled this morning (withdrawal watch), a concentration change with drug left in the reservoir, and a
 * dose that rose by more than half within a month. Pumps 14–19 of each clinic, which nothing else uses.
 */
export async function seedSafetyStates(
  app: INestApplicationContext,
  clock: SeedClock,
  staff: { specialist: SessionUser; nurse: SessionUser },
  pumps: SeededPump[],
): Promise<void> {
  const now = clock.now().getTime();
  const { specialist, nurse } = staff;
  const pumpsService = app.get(PumpsService);
  const events = app.get(PumpEventsService);
  const fills = app.get(FillsService);
  const pick = (i: number) => pumps[i % pumps.length]!;
  const pumpOf = (i: number) => pumpsService.get(specialist.clinicId, pick(i).pumpId);
  const at = (ms: number) => new Date(ms).toISOString();
  /** A new record goes after the pump's last fill or dose change, and not before `wanted`. */
  const after = (pump: PumpResponse, wanted: number) =>
    Math.max(wanted, Date.parse(pump.doseHistory!.steps.at(-1)!.at) + HOUR_MS);

  // An incomplete programming session left the pump stopped (Medtronic safety letter): not restarted yet.
  const stopped = await pumpOf(14);
  await events.record(nurse, stopped.id, {
    pumpVersion: stopped.version,
    type: 'pump_stopped',
    occurredAt: at(now - 5 * HOUR_MS),
    notes: 'Programmer session interrupted; pump shows stopped mode',
  });

  // A motor-stall alarm the patient heard yesterday evening; nobody has interrogated the pump yet.
  const stalled = await pumpOf(15);
  await events.record(nurse, stalled.id, {
    pumpVersion: stalled.version,
    type: 'alarm_motor_stall',
    occurredAt: at(now - 16 * HOUR_MS),
    notes: 'Patient phoned: two-tone alarm from the pump',
  });

  // A refill booked two days after the reservoir is projected to run dry.
  const late = await pumpOf(16);
  await app.get(AppointmentsService).create(nurse, {
    patientId: pick(16).patientId,
    type: 'refill',
    startsAt: at(Date.parse(late.projection!.emptyAt) + 2 * MS_PER_DAY),
    clinicianId: specialist.id,
  });

  // Found dry: an empty-reservoir alarm 30 h ago, refilled this morning with a priming bolus.
  const dry = await pumpOf(17);
  const emptyAlarmAt = after(dry, now - 30 * HOUR_MS);
  await events.record(nurse, dry.id, {
    pumpVersion: dry.version,
    type: 'alarm_empty_reservoir',
    occurredAt: at(emptyAlarmAt),
  });
  const refill = (pump: typeof dry, performedAt: number) => ({
    performedAt: at(performedAt),
    volumeAddedMl: pump.reservoirMl,
    concentrationMcgPerMl: pump.currentFill!.concentrationMcgPerMl,
    dailyDoseMcg: pump.currentDailyDoseMcg!,
    drugProduct: pump.currentFill!.drugProduct,
    lotNumber: 'LOT-DEMO-7',
    lotExpiresOn: '2030-06-30',
  });
  await fills.record(nurse, dry.id, {
    ...refill(dry, Math.max(now - 6 * HOUR_MS, emptyAlarmAt + HOUR_MS)),
    pumpVersion: (await pumpOf(17)).version,
    residualWithdrawnMl: 0,
    primingBolusMl: 0.3,
    notes: 'Reservoir found empty; priming bolus given; oral baclofen started as a bridge',
  });

  // Concentration halved (2000 → 1000 mcg/mL, say) with 2 mL left in: mixed (2 × 2000 + 18 × 1000) / 20 =
  // 1100 mcg/mL, so the patient gets 1.1 × the programmed dose until the next refill (+10 %), whatever the
  // concentration the pump held.
  const mixed = await pumpOf(18);
  const halved = mixed.currentFill!.concentrationMcgPerMl / 2;
  const mixAt = after(mixed, now - 2 * MS_PER_DAY);
  const found = await fills.preview(nurse, mixed.id, {
    ...refill(mixed, mixAt),
    residualWithdrawnMl: 0,
    concentrationMcgPerMl: halved,
    bridgeBolusMl: null,
  });
  const residual = roundTo(Math.max(0, (found.expectedResidualMl ?? 2) - 2), 2);
  await fills.record(nurse, mixed.id, {
    ...refill(mixed, mixAt),
    pumpVersion: mixed.version,
    residualWithdrawnMl: residual,
    volumeAddedMl: 18,
    reservoirVolumeAfterMl: 20,
    concentrationMcgPerMl: halved,
    bridgeBolusMl: null,
    confirmShortInterval: true,
  });

  // Two increases of a quarter within a month: +56 % (1.25 × 1.25), past the 50 % escalation watch.
  const rising = await pumpOf(19);
  const doses = app.get(DoseAdjustmentsService);
  let dose = rising.currentDailyDoseMcg!;
  const firstRise = after(rising, now - 12 * MS_PER_DAY);
  for (const effectiveAt of [firstRise, Math.max(now - 4 * MS_PER_DAY, firstRise + 25 * HOUR_MS)]) {
    dose = roundTo(dose * 1.25, 0);
    await doses.record(specialist, rising.id, {
      pumpVersion: (await pumpOf(19)).version,
      effectiveAt: at(effectiveAt),
      newDailyDoseMcg: dose,
      reason: 'spasticity_increase',
      orderedById: specialist.id,
      overrideReason: 'Spasticity worse despite titration; catheter study requested',
    });
  }
}
