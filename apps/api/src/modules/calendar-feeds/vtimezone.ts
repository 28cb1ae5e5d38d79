import { tzOffset, tzScan } from '@date-fns/tz';
import { timeZoneAbbreviation } from '@itb/domain';

const MINUTE_MS = 60_000;

/** `+0100`, `-0530`: a UTC offset in minutes as iCalendar writes it. */
const offsetText = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** The wall-clock time `YYYYMMDDTHHMMSS` of an instant at a fixed UTC offset. */
const wallClock = (instant: Date, offsetMinutes: number) =>
  new Date(instant.getTime() + offsetMinutes * MINUTE_MS).toISOString().slice(0, 19).replace(/[-:]/g, '');

/** tzScan finds a change to the hour: narrow it to the minute (a few zones change on the half hour). */
function exactChange(timeZone: string, foundAt: Date, offset: number): Date {
  let before = foundAt.getTime() - 60 * MINUTE_MS;
  let after = foundAt.getTime();
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (tzOffset(timeZone, new Date(middle)) === offset) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/**
 * A VTIMEZONE for `timeZone` covering `from`..`to`, from the runtime's own time-zone data (the same Intl
 * data the rest of the API formats clinic times with): one observance from `from`, then one per offset
 * change inside the span, each with its exact onset. No recurrence rules, so no zone (Etc/GMT-3, a
 * zone whose rules changed lately) can be described differently from how its times were computed.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const startOffset = tzOffset(timeZone, from);
  const observances = [
    { onset: from, offsetFrom: startOffset, offsetTo: startOffset },
    ...tzScan(timeZone, { start: from, end: to }).map((change) => ({
      onset: exactChange(timeZone, change.date, change.offset),
      offsetFrom: change.offset - change.change,
      offsetTo: change.offset,
    })),
  ];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  for (const { onset, offsetFrom, offsetTo } of observances) {
    const year = onset.getUTCFullYear();
    const standardOffset = Math.min(
      tzOffset(timeZone, new Date(Date.UTC(year, 0, 1))),
      tzOffset(timeZone, new Date(Date.UTC(year, 6, 1))),
    );
    const kind = offsetTo > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the onset on the clock in force just before it (RFC 5545 3.6.5).
      `DTSTART:${wallClock(onset, offsetFrom)}`,
      `TZOFFSETFROM:${offsetText(offsetFrom)}`,
      `TZOFFSETTO:${offsetText(offsetTo)}`,
      // The names the dashboard prints beside clinic times ("BST", "CST", "GMT+3").
      `TZNAME:${timeZoneAbbreviation(onset, timeZone)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
