import type { INestApplicationContext } from '@nestjs/common';
import { isClinicDay, MS_PER_DAY, toLocalDate } from '@itb/domain';
import type { SessionUser } from '../common/request-context.js';
import { AppointmentsService } from '../modules/appointments/appointments.service.js';
import { atClinicTime } from './clinic-slots.js';
import type { SeededPump } from './demo-flags.js';
import type { SeedClock } from './seed-clock.js';

/** Overdue patients called in for today, and one due soon: (patient index, clinic time). */
const TODAYS_REFILLS = [
  [0, '09:00'],
  [10, '10:30'],
  [2, '13:30'],
  [20, '15:00'],
] as const;

/**
 * Today's clinic, when today is a clinic day: a few refills booked for today (made yesterday, as a
 * clinic books them), and the first patient already checked in if the clinic's morning has begun.
 */
export async function seedTodaysClinic(
  app: INestApplicationContext,
  clock: SeedClock,
  staff: { specialist: SessionUser; nurse: SessionUser; timeZone: string; clinicDays: number[] },
  pumps: SeededPump[],
): Promise<void> {
  const now = clock.now().getTime();
  const today = toLocalDate(new Date(now), staff.timeZone);
  if (!isClinicDay(today, staff.clinicDays)) return;
  const appointments = app.get(AppointmentsService);

  clock.travelTo(now - MS_PER_DAY);
  const booked = [];
  for (const [i, time] of TODAYS_REFILLS) {
    booked.push(
      await appointments.create(staff.nurse, {
        patientId: pumps[i % pumps.length]!.patientId,
        type: 'refill',
        startsAt: new Date(atClinicTime(today, time, staff.timeZone)).toISOString(),
        clinicianId: staff.specialist.id,
      }),
    );
  }
  clock.travelTo(null);

  const first = booked[0]!;
  if (Date.parse(first.startsAt) - now <= MS_PER_DAY / 24)
    await appointments.update(staff.nurse, first.id, { version: first.version, status: 'arrived' });
}
