import type { INestApplicationContext } from '@nestjs/common';
import { addDays, isClinicDay, MS_PER_DAY, proposeRefillDate, roundTo, toLocalDate } from '@itb/domain';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../common/request-context.js';
import { AppointmentsService } from '../modules/appointments/appointments.service.js';
import { DoseAdjustmentsService } from '../modules/dose-adjustments/dose-adjustments.service.js';
import { FlagsService } from '../modules/flags/flags.service.js';
import { PumpEventsService } from '../modules/pump-events/pump-events.service.js';
import { PumpsService } from '../modules/pumps/pumps.service.js';
import { atClinicTime } from './clinic-slots.js';
import type { SeedClock } from './seed-clock.js';

export interface SeededPump {
  patientId: string;
  pumpId: string;
}

const HOUR_MS = 3_600_000;

/**
 * Patients in each flagged state, made the way a clinic would make them: an MRI with no interrogation
 * after it, an ERI date from an interrogation, a sharp dose cut, withdrawal and overdose signs reported by a nurse,
 * refill appointments booked late or missed. Old residual discrepancies from the history are resolved
 * by the specialist, as a clinic works through them; the latest stay open. The serving application's
 * first hourly pass raises the time-driven flags (overdue, due and unbooked, …).
 */
export async function seedFlaggedStates(
  app: INestApplicationContext,
  clock: SeedClock,
  staff: { specialist: SessionUser; nurse: SessionUser; timeZone: string; clinicDays: number[] },
  pumps: SeededPump[],
): Promise<void> {
  const dataSource = app.get(DataSource);
  const pumpsService = app.get(PumpsService);
  const flags = app.get(FlagsService);
  const now = clock.now().getTime();
  const today = toLocalDate(new Date(now), staff.timeZone);
  const { specialist, nurse, clinicDays } = staff;
  const pick = (i: number) => pumps[i % pumps.length]!;

  // An MRI two days ago and nobody has interrogated the pump since.
  const scanned = await pumpsService.get(specialist.clinicId, pick(3).pumpId);
  await app.get(PumpEventsService).record(nurse, scanned.id, {
    pumpVersion: scanned.version,
    type: 'mri',
    occurredAt: new Date(now - 2 * MS_PER_DAY).toISOString(),
    notes: 'Lumbar spine MRI, 1.5 T, at the district hospital',
  });

  // Interrogations reported the elective replacement indicator: in 60 days (high) and 150 days (moderate).
  for (const [i, days] of [
    [4, 60],
    [5, 150],
  ] as const) {
    const pump = await pumpsService.get(specialist.clinicId, pick(i).pumpId);
    await pumpsService.update(specialist, pump.id, {
      version: pump.version,
      eriDate: addDays(today, days),
      reason: 'Interrogation read the elective replacement indicator date',
    });
  }

  // A 25 % cut yesterday for sedation: past the 20 % guide, so the specialist records the reason.
  const cut = await pumpsService.get(specialist.clinicId, pick(6).pumpId);
  await app.get(DoseAdjustmentsService).record(specialist, cut.id, {
    pumpVersion: cut.version,
    effectiveAt: new Date(now - MS_PER_DAY).toISOString(),
    newDailyDoseMcg: roundTo(cut.currentDailyDoseMcg! * 0.75, 0),
    reason: 'side_effects',
    orderedById: specialist.id,
    overrideReason: 'Excessive daytime sedation and falls; oral baclofen back-up confirmed at home',
  });

  // Clinical signs phoned in: one still open, one already seen by the specialist.
  clock.travelTo(now - 3 * HOUR_MS);
  await flags.raiseManual(nurse, pick(7).patientId, {
    kind: 'withdrawal',
    signs: ['pruritus', 'returning_spasticity'],
    note: 'Carer reports itching without rash since last night and legs stiffer than usual',
  });
  clock.travelTo(now - 26 * HOUR_MS);
  const fever = await flags.raiseManual(nurse, pick(8).patientId, {
    kind: 'withdrawal',
    signs: ['fever'],
    note: 'Temperature 38.4 °C at home, no wound redness reported',
  });
  clock.travelTo(now - 24 * HOUR_MS);
  await flags.acknowledge(specialist, fever.id, { note: 'Called the patient: seen in clinic tomorrow 09:00' });
  // Overdose signs after a dose increase, phoned in by a relative an hour ago: critical, still open.
  clock.travelTo(now - HOUR_MS);
  await flags.raiseManual(nurse, pick(9).patientId, {
    kind: 'overdose',
    signs: ['severe_drowsiness', 'slow_or_shallow_breathing'],
    note: 'Wife reports he is very hard to wake and breathing slowly; told to call an ambulance now',
  });
  clock.travelTo(null);

  // Refill appointments: one booked after the alarm, a few in good time on the proposed day, one missed.
  const appointments = app.get(AppointmentsService);
  const alarmOf = async (i: number) =>
    Date.parse((await pumpsService.get(specialist.clinicId, pick(i).pumpId)).projection!.alarmAt);
  const book = (i: number, startsAt: number) =>
    appointments.create(nurse, {
      patientId: pick(i).patientId,
      type: 'refill',
      startsAt: new Date(startsAt).toISOString(),
      clinicianId: specialist.id,
    });
  await book(11, (await alarmOf(11)) + 2 * MS_PER_DAY);
  for (const i of [12, 21, 22, 31]) {
    const queueRow = await pumpsService.get(specialist.clinicId, pick(i).pumpId);
    const proposed = proposeRefillDate(queueRow.projection!.refillBy, today, clinicDays);
    const startsAt = proposed ? atClinicTime(proposed, '10:00', staff.timeZone) : now + MS_PER_DAY;
    if (startsAt > now) await book(i, startsAt);
  }
  // Missed on the last clinic day before today, at 11:00, booked the week before.
  let missedOn = addDays(today, -1);
  while (!isClinicDay(missedOn, clinicDays)) missedOn = addDays(missedOn, -1);
  const missedAt = atClinicTime(missedOn, '11:00', staff.timeZone);
  clock.travelTo(missedAt - 7 * MS_PER_DAY);
  const missed = await book(13, missedAt);
  // Another patient booked for 14:00 that day never came, and nobody marked it: missed by itself.
  await book(23, atClinicTime(missedOn, '14:00', staff.timeZone));
  clock.travelTo(null);
  await appointments.update(nurse, missed.id, { version: missed.version, status: 'noshow' });

  // Discrepancies from earlier refills were looked into; the ones on the current fill are still open.
  const old = (await dataSource.query(
    `SELECT f.id, f.raised_at FROM flags f JOIN pumps p ON p.id = f.pump_id
     JOIN fills cur ON cur.id = p.current_fill_id
     WHERE f.clinic_id = $1 AND f.code = 'RESIDUAL_DISCREPANCY' AND f.status = 'open' AND f.raised_at < cur.performed_at`,
    [specialist.clinicId],
  )) as { id: string; raised_at: Date }[];
  for (const flag of old) {
    clock.travelTo(flag.raised_at.getTime() + 2 * MS_PER_DAY);
    await flags.resolve(specialist, flag.id, {
      note: 'Interrogated: pump log matches the programmed rate; residual under-drawn at the refill',
    });
  }
  clock.travelTo(null);
}
