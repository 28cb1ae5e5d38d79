import type { AppointmentResponse } from '@itb/contracts';
import { isDayFull, takesASlot } from '@itb/domain';
import { formatClinicTime } from '../../../lib/clinic-time';

/**
 * The calendar grid runs on a UTC clock that stands in for the clinic's wall clock: an appointment
 * at 09:00 clinic time is drawn at "09:00", whatever zone the browser is in, and a slot clicked at
 * "14:15" is 14:15 at the clinic. These convert between the API's instants and that wall clock.
 */

/** An instant as the clinic's wall clock, "2026-12-01T09:00". */
export const wallClockOf = (appointment: Pick<AppointmentResponse, 'startsAt' | 'startsOn'>, timeZone: string) =>
  `${appointment.startsOn}T${formatClinicTime(appointment.startsAt, timeZone)}`;

/** A wall-clock time some minutes later, "2026-12-01T09:30". */
export function addWallMinutes(wallClock: string, minutes: number): string {
  const later = new Date(Date.parse(`${wallClock}:00Z`) + minutes * 60_000);
  return later.toISOString().slice(0, 16);
}

/** The clinic date and time of a point on the grid (the grid's own ISO text, "2026-12-01T14:15:00Z"). */
export function slotOf(gridIso: string): { date: string; time: string } {
  return { date: gridIso.slice(0, 10), time: gridIso.slice(11, 16) };
}

export interface DayLoad {
  booked: number;
  capacity: number;
  isFull: boolean;
}

/** How many of each day's slots are taken (libs/domain `takesASlot`: cancelled and no-show free theirs). */
export function dayLoads(
  appointments: readonly AppointmentResponse[],
  days: readonly string[],
  capacity: number,
): Map<string, DayLoad> {
  const booked = new Map<string, number>(days.map((day) => [day, 0]));
  for (const appointment of appointments) {
    if (takesASlot(appointment.status) && booked.has(appointment.startsOn)) {
      booked.set(appointment.startsOn, booked.get(appointment.startsOn)! + 1);
    }
  }
  return new Map(
    days.map((day) => [
      day,
      { booked: booked.get(day)!, capacity, isFull: isDayFull({ date: day, booked: booked.get(day)!, capacity }) },
    ]),
  );
}

/** The hours the grid shows: the clinic's, an hour either side, stretched to every appointment in range. */
export function gridHours(
  opensAt: string,
  closesAt: string,
  wallClocks: readonly { start: string; end: string }[],
): { slotMinTime: string; slotMaxTime: string } {
  const hour = (time: string) => Number(time.slice(0, 2));
  let first = Math.max(0, hour(opensAt) - 1);
  let last = Math.min(24, hour(closesAt) + (closesAt.endsWith(':00') ? 1 : 2));
  for (const { start, end } of wallClocks) {
    first = Math.min(first, hour(start.slice(11)));
    // An appointment running past midnight ends the grid at midnight.
    const endHour = end.slice(0, 10) > start.slice(0, 10) ? 24 : hour(end.slice(11)) + (end.endsWith(':00') ? 0 : 1);
    last = Math.max(last, endHour);
  }
  const pad = (h: number) => `${String(h).padStart(2, '0')}:00:00`;
  return { slotMinTime: pad(first), slotMaxTime: pad(last) };
}
