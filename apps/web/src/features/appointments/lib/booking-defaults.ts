import { clinicNow } from '../../../lib/clinic-time';

const QUARTER_HOUR_MINUTES = 15;

const toMinutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const toTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The time the booking dialog proposes: the clinic's opening time, or on today once the clinic has
 * opened, the next quarter hour (an appointment must start in the future).
 */
export function defaultBookingTime({
  date,
  opensAt,
  timeZone,
  now = new Date(),
}: {
  date: string;
  opensAt: string;
  timeZone: string;
  now?: Date;
}): string {
  const current = clinicNow(timeZone, now);
  if (date !== current.date || current.time < opensAt) return opensAt;
  const next = (Math.floor(toMinutes(current.time) / QUARTER_HOUR_MINUTES) + 1) * QUARTER_HOUR_MINUTES;
  // Late at night the next quarter hour would be tomorrow: the last one of today instead.
  return toTime(Math.min(next, 23 * 60 + 45));
}
