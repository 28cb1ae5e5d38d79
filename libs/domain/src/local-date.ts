/**
 * Calendar dates in a clinic's time zone, as `YYYY-MM-DD` strings.
 * Calendar arithmetic works on the date alone, so a daylight-saving change never shifts a due date.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR_MS = 900_000;
/** From 1980 on, every zone's offset and clock change falls on a quarter hour (older ones need not). */
const QUARTER_HOURS_FROM = Date.UTC(1980, 0, 1);
const MAX_CACHED_QUARTERS = 100_000;
/** Local dates by zone and UTC quarter hour, for quarters that start and end on the same local date. */
const datesByQuarter = new Map<string, Map<number, LocalDate>>();

/**
 * The calendar date an instant falls on in the given IANA time zone. Intl is asked once per zone and
 * quarter hour (a pass over 100,000 pumps asks about the same few instants again and again): a quarter
 * whose first and last millisecond fall on one local date lies wholly on it, as no clock change or offset
 * since 1980 falls inside a quarter hour.
 */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  const ms = instant.getTime();
  // en-CA formats a date as YYYY-MM-DD; format() is several times faster than formatToParts().
  if (!(ms >= QUARTER_HOURS_FROM)) return formatterFor(timeZone).format(instant);
  const formatter = formatterFor(timeZone); // throws for an unknown zone before anything is cached
  let quarters = datesByQuarter.get(timeZone);
  if (!quarters) {
    quarters = new Map();
    datesByQuarter.set(timeZone, quarters);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const cached = quarters.get(quarter);
  if (cached !== undefined) return cached;
  const date = formatter.format(instant);
  const start = quarter * QUARTER_HOUR_MS;
  if (formatter.format(start) === date && formatter.format(start + QUARTER_HOUR_MS - 1) === date) {
    if (quarters.size >= MAX_CACHED_QUARTERS) quarters.clear();
    quarters.set(quarter, date);
  }
  return date;
}

function toUtcMidnight(date: LocalDate): number {
  // The common YYYY-MM-DD shape by position; anything else (a longer year) by splitting.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Sums by date, then by days added: a pass over many pumps adds the same days to the same few hundred dates. */
const sumsByDate = new Map<LocalDate, Map<number, LocalDate>>();
const MAX_CACHED_SUM_DATES = 20_000;

export function addDays(date: LocalDate, days: number): LocalDate {
  let sums = sumsByDate.get(date);
  if (!sums) {
    if (sumsByDate.size >= MAX_CACHED_SUM_DATES) sumsByDate.clear();
    sums = new Map();
    sumsByDate.set(date, sums);
  }
  let sum = sums.get(days);
  if (sum === undefined) {
    sum = new Date(toUtcMidnight(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
    if (sums.size >= MAX_CACHED_SUM_DATES) sums.clear();
    sums.set(days, sum);
  }
  return sum;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MS_PER_DAY);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(toUtcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

const isOffsetName = (name: string) => /^(GMT|UTC)[+−-]/.test(name);

/**
 * The short name of a time zone at an instant: "GMT"/"BST" (British names), "CST"/"CDT" (American),
 * or "GMT+1" where neither locale has an abbreviation for the zone.
 */
/** Zone-name formatters by locale and zone: building an Intl.DateTimeFormat costs far more than using one. */
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneNameFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    zoneNameFormatters.set(key, formatter);
  }
  return formatter;
}

export function timeZoneAbbreviation(instant: Date, timeZone: string): string {
  const nameIn = (locale: string) =>
    zoneNameFormatter(locale, timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const british = nameIn('en-GB');
  if (!isOffsetName(british)) return british;
  const american = nameIn('en-US');
  return isOffsetName(american) ? british : american;
}

const DATE_TEXT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Texts of the dates formatted lately: a pass over many pumps formats the same few hundred dates. */
const dateTexts = new Map<string, string>();
const MAX_CACHED_DATE_TEXTS = 20_000;

/**
 * A calendar date as people read it: "6 Mar 2026". The product's one date format, on the screens, in
 * flag texts and messages, and on the wallet card. The date is already the clinic's, so it is never
 * shifted through a zone. Text that is not a date comes back as it is.
 */
export function formatDateText(date: LocalDate): string {
  const cached = dateTexts.get(date);
  if (cached !== undefined) return cached;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const text = DATE_TEXT.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (dateTexts.size >= MAX_CACHED_DATE_TEXTS) dateTexts.clear();
  dateTexts.set(date, text);
  return text;
}

/**
 * A zone's abbreviation by its UTC offset (and year): asking Intl for the name costs one or two
 * formatToParts calls, while the offset falls out of the wall-clock text we format anyway. A report of
 * thousands of rows in one zone asks Intl a handful of times, not once a row.
 */
const abbreviationsByOffset = new Map<string, string>();

const MS_PER_HOUR = 3_600_000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** UTC offsets (ms) by zone and UTC hour; null for an hour whose two ends differ (a clock change inside it). */
const offsetsByHour = new Map<string, Map<number, number | null>>();
const MAX_CACHED_HOURS = 100_000;
/** Past year 9999 an ISO date has more than four year digits: those instants go to Intl. */
const OFFSET_CACHE_UNTIL = Date.UTC(9999, 0, 1);
const US_WALL_CLOCK = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** The zone's offset at an instant, to the second, from its wall clock; null if Intl answers in an unexpected shape. */
function offsetFromIntl(ms: number, timeZone: string): number | null {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const m = US_WALL_CLOCK.exec(formatter.format(ms));
  if (!m) return null;
  const [month, day, year, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone's offset at an instant from a cache by UTC hour, or null where the cache does not apply
 * (before 1980, or an hour holding a clock change). An hour whose first and last second have the same
 * offset has it throughout: since 1980 no zone changes its clocks twice within an hour.
 */
function cachedOffset(ms: number, timeZone: string): number | null {
  if (!(ms >= QUARTER_HOURS_FROM && ms < OFFSET_CACHE_UNTIL)) return null;
  let hours = offsetsByHour.get(timeZone);
  if (!hours) {
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  const hour = Math.floor(ms / MS_PER_HOUR);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = offsetFromIntl(hour * MS_PER_HOUR, timeZone);
    const last = offsetFromIntl(hour * MS_PER_HOUR + MS_PER_HOUR - 1000, timeZone);
    offset = first !== null && first === last ? first : null;
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "6 Mar 2026, 10:00 GMT": the date and the time on the clinic's wall clock, with the zone's abbreviation. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  formatterFor(timeZone); // throws for an unknown zone, as Intl does below
  const ms = instant.getTime();
  const offset = cachedOffset(ms, timeZone);
  if (offset === null) return toLocalDateTimeFromIntl(instant, timeZone);
  // The wall clock is the instant moved by the offset, read as if it were UTC.
  const wallMinutes = Math.floor((ms + offset) / 60_000);
  const day = Math.floor(wallMinutes / 1440);
  const minuteOfDay = wallMinutes - day * 1440;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const time = `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
  return `${formatDateText(date)}, ${time} ${abbreviationAt(instant, timeZone, date, Math.round(offset / 60_000))}`;
}

function abbreviationAt(instant: Date, timeZone: string, date: LocalDate, offsetMinutes: number): string {
  const key = `${timeZone}|${date.slice(0, 4)}|${offsetMinutes}`;
  let abbreviation = abbreviationsByOffset.get(key);
  if (abbreviation === undefined) {
    abbreviation = timeZoneAbbreviation(instant, timeZone);
    abbreviationsByOffset.set(key, abbreviation);
  }
  return abbreviation;
}

/** toLocalDateTime by asking Intl for the wall clock: before 1980 and in an hour with a clock change. */
function toLocalDateTimeFromIntl(instant: Date, timeZone: string): string {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    wallClockFormatters.set(timeZone, formatter);
  }
  const date = toLocalDate(instant, timeZone);
  const time = formatter.format(instant);
  // The wall clock minus the instant (to the minute) is the zone's offset at that instant; it tells the
  // two 01:30s of a clock going back apart.
  const offsetMinutes = Math.round(
    (toUtcMidnight(date) +
      (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000 -
      Math.floor(instant.getTime() / 60_000) * 60_000) /
      60_000,
  );
  return `${formatDateText(date)}, ${time} ${abbreviationAt(instant, timeZone, date, offsetMinutes)}`;
}
