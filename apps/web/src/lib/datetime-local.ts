import { toLocalDate } from '@itb/domain';
import { clinicWallClockToIso, formatClinicTime } from './clinic-time';

/**
 * `<input type="datetime-local">` holds a wall-clock time ("2026-03-05T14:30"); the API speaks ISO
 * 8601 UTC instants. Every instant a user types or reads is on the clinic's clock (issue 14 item 11),
 * whatever zone the computer is in: these convert between the two in the clinic's zone.
 */
const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

/** "2026-03-05T14:30" on the clinic's clock -> "2026-03-05T14:30:00.000Z"-style ISO; undefined when incomplete. */
export function dateTimeLocalToIso(value: string, timeZone: string): string | undefined {
  const match = DATETIME_LOCAL.exec(value);
  if (!match) return undefined;
  return clinicWallClockToIso(match[1]!, match[2]!, timeZone);
}

/** ISO instant -> the clinic wall-clock value the input shows; '' when absent or invalid. */
export function isoToDateTimeLocal(iso: string | undefined | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${toLocalDate(date, timeZone)}T${formatClinicTime(iso, timeZone)}`;
}
