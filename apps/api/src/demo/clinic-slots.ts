import { addDays, isClinicDay, toLocalDate, type LocalDate } from '@itb/domain';
import type { seededRandom } from './seeded-random.js';

/** The demo clinics work Monday to Friday. */
export const DEMO_CLINIC_DAYS = [1, 2, 3, 4, 5];

/** The instant a clinic wall-clock time falls on that date (the offset found by one correction step). */
export function atClinicTime(date: LocalDate, time: string, timeZone: string): number {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const wall = new Date(guess).toLocaleString('sv-SE', { timeZone }).replace(' ', 'T');
  return guess - (Date.parse(`${wall}Z`) - guess);
}

/**
 * A half-hour slot between 09:00 and 15:30 on the clinic day of `ms`, or the clinic day before it: the
 * demo's refills happen when a clinic is open, not at 3 a.m. on a Sunday.
 */
export function clinicSlotOn(ms: number, timeZone: string, random: ReturnType<typeof seededRandom>): number {
  let date = toLocalDate(new Date(ms), timeZone);
  while (!isClinicDay(date, DEMO_CLINIC_DAYS)) date = addDays(date, -1);
  const slot = random.int(0, 13);
  const time = `${String(9 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
  return atClinicTime(date, time, timeZone);
}
