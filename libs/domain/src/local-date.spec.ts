import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeekday,
  isValidTimeZone,
  minDate,
  toLocalDateTime,
  toLocalDate,
} from './local-date.js';

describe('toLocalDate', () => {
  it.each([
    // One instant, three calendar dates: it is the zone, not UTC, that names the day.
    ['2026-01-15T23:30:00Z', 'UTC', '2026-01-15'],
    ['2026-01-15T23:30:00Z', 'Europe/London', '2026-01-15'], // GMT = UTC in winter
    ['2026-01-15T23:30:00Z', 'Europe/Berlin', '2026-01-16'], // 00:30 CET (UTC+1)
    ['2026-01-16T03:30:00Z', 'America/Chicago', '2026-01-15'], // 21:30 CST (UTC−6)
    ['2026-01-15T14:30:00Z', 'Pacific/Auckland', '2026-01-16'], // 03:30 NZDT (UTC+13)
    ['2026-12-31T23:30:00Z', 'Asia/Tokyo', '2027-01-01'], // year end: 08:30 JST
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(toLocalDate(new Date(iso), zone)).toBe(expected);
  });

  it.each([
    // Europe/London: BST ends 25 Oct 2026, 02:00 BST → 01:00 GMT (01:00Z).
    ['2026-10-23T23:30:00Z', '2026-10-24'], // 00:30 BST (UTC+1): local date is a day after the UTC date
    ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST on the change day
    ['2026-10-25T00:59:59Z', '2026-10-25'], // 01:59:59 BST, the last second before the change
    ['2026-10-25T01:00:00Z', '2026-10-25'], // 01:00 GMT (the repeated hour)
    ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT: the UTC offset is now 0
    ['2026-10-26T00:30:00Z', '2026-10-26'], // 00:30 GMT
  ])('Europe/London around the end of BST: %s is %s', (iso, expected) => {
    expect(toLocalDate(new Date(iso), 'Europe/London')).toBe(expected);
  });

  it.each([
    // America/Chicago: CDT starts 8 Mar 2026, 02:00 CST → 03:00 CDT (08:00Z).
    ['2026-03-08T05:59:59Z', '2026-03-07'], // 23:59:59 CST (UTC−6)
    ['2026-03-08T06:00:00Z', '2026-03-08'], // 00:00 CST on the change day
    ['2026-03-08T07:59:59Z', '2026-03-08'], // 01:59:59 CST, the last second before the change
    ['2026-03-08T08:00:00Z', '2026-03-08'], // 03:00 CDT
    ['2026-03-09T04:59:59Z', '2026-03-08'], // 23:59:59 CDT (UTC−5)
    ['2026-03-09T05:00:00Z', '2026-03-09'], // 00:00 CDT: midnight is now at 05:00Z, not 06:00Z
    ['2026-03-09T05:30:00Z', '2026-03-09'], // 00:30 CDT; in CST this instant would still be 03-08
  ])('America/Chicago around the start of CDT: %s is %s', (iso, expected) => {
    expect(toLocalDate(new Date(iso), 'America/Chicago')).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'], // month end
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2028-02-28', 1, '2028-02-29'], // 2028 is
    ['2026-12-31', 1, '2027-01-01'], // year end
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-10', -5, '2026-03-05'], // across the US spring-forward (2026-03-08)
    ['2026-10-20', 10, '2026-10-30'], // across the UK autumn change (2026-10-25)
    ['2026-01-05', 180, '2026-07-04'], // 26 + 28 + 31 + 30 + 31 + 30 = 176 to 06-30, + 4
    ['2026-07-04', 0, '2026-07-04'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-01', '2026-03-31', 30],
    ['2026-03-31', '2026-03-01', -30],
    ['2026-03-07', '2026-03-09', 2], // a 47-hour span in Chicago is still 2 calendar days
    ['2026-10-24', '2026-10-26', 2], // a 49-hour span in London is still 2 calendar days
    ['2026-12-31', '2027-01-01', 1],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-05-05', '2026-05-05', 0],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('undoes addDays', () => {
    expect(daysBetween('2026-03-05', addDays('2026-03-05', 123))).toBe(123);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-09', 1], // Monday
    ['2026-03-13', 5], // Friday
    ['2026-03-14', 6], // Saturday
    ['2026-03-08', 7], // Sunday is 7, not 0
    ['2027-01-01', 5], // Friday
    ['2028-02-29', 2], // Tuesday
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});

describe('minDate', () => {
  it('returns the earlier calendar date', () => {
    expect(minDate('2026-03-05', '2026-12-01')).toBe('2026-03-05');
    expect(minDate('2027-01-01', '2026-12-31')).toBe('2026-12-31');
  });
});

describe('toLocalDateTime', () => {
  it.each([
    ['2026-01-15T09:30:00Z', 'Europe/London', '15 Jan 2026, 09:30 GMT'],
    ['2026-07-15T09:30:00Z', 'Europe/London', '15 Jul 2026, 10:30 BST'],
    ['2026-01-16T03:30:00Z', 'America/Chicago', '15 Jan 2026, 21:30 CST'],
    ['2026-07-15T15:00:00Z', 'America/Chicago', '15 Jul 2026, 10:00 CDT'],
    ['2026-07-15T15:00:00Z', 'Asia/Kolkata', '15 Jul 2026, 20:30 GMT+5:30'], // no abbreviation in either locale,
  ])('%s in %s reads %s, with the zone named as a clinic would', (iso, zone, expected) => {
    expect(toLocalDateTime(new Date(iso), zone)).toBe(expected);
  });
});

describe('toLocalDateTime across a clock change and in bulk', () => {
  it.each([
    // London goes back at 02:00 BST on 25 Oct 2026: 01:30 happens twice, first BST (00:30Z), then GMT (01:30Z).
    ['2026-10-25T00:30:00Z', 'Europe/London', '25 Oct 2026, 01:30 BST'],
    ['2026-10-25T01:30:00Z', 'Europe/London', '25 Oct 2026, 01:30 GMT'],
    // Chicago goes forward at 02:00 CST on 8 Mar 2026: 07:59Z is 01:59 CST, 08:00Z is 03:00 CDT.
    ['2026-03-08T07:59:00Z', 'America/Chicago', '8 Mar 2026, 01:59 CST'],
    ['2026-03-08T08:00:00Z', 'America/Chicago', '8 Mar 2026, 03:00 CDT'],
    // Seconds do not move the offset: 10:00:59Z in London winter is still 10:00 GMT.
    ['2026-01-15T10:00:59Z', 'Europe/London', '15 Jan 2026, 10:00 GMT'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(toLocalDateTime(new Date(iso), zone)).toBe(expected);
  });

  it('names the zone from a cache: a thousand rows in one zone ask Intl for the name at most twice', () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      // 1,000 instants an hour apart from 1 Jan 2031 (41 days, all CST in Chicago): one offset, one year.
      const start = Date.UTC(2031, 0, 1, 12);
      const texts = Array.from({ length: 1000 }, (_, i) =>
        toLocalDateTime(new Date(start + i * 3_600_000), 'America/Chicago'),
      );
      expect(texts.every((t) => t.endsWith(' CST'))).toBe(true);
      // British names first (GMT-6, an offset name), then American: two calls for the first row only.
      expect(formatToParts.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      formatToParts.mockRestore();
    }
  });
});

describe('toLocalDate from its quarter-hour cache', () => {
  it.each([
    // Kathmandu is UTC+5:45: its midnight is 18:15Z, inside an hour but on a quarter hour.
    ['2026-06-15T18:14:59.999Z', 'Asia/Kathmandu', '2026-06-15'],
    ['2026-06-15T18:15:00.000Z', 'Asia/Kathmandu', '2026-06-16'],
    // Chatham is UTC+12:45 in winter: 11:15Z is midnight.
    ['2026-07-01T11:14:59.999Z', 'Pacific/Chatham', '2026-07-01'],
    ['2026-07-01T11:15:00.000Z', 'Pacific/Chatham', '2026-07-02'],
    // London's clocks go back at 01:00Z on 25 Oct 2026: 23:00Z the evening before is still BST midnight.
    ['2026-10-24T22:59:59.999Z', 'Europe/London', '2026-10-24'],
    ['2026-10-24T23:00:00.000Z', 'Europe/London', '2026-10-25'],
    // Before 1980 the cache is not used: Liberia kept UTC−0:44:30 until 1972.
    ['1970-06-01T00:44:29.000Z', 'Africa/Monrovia', '1970-05-31'],
    ['1970-06-01T00:44:30.000Z', 'Africa/Monrovia', '1970-06-01'],
  ])('%s in %s is %s, asked twice', (iso, zone, expected) => {
    expect(toLocalDate(new Date(iso), zone)).toBe(expected);
    expect(toLocalDate(new Date(iso), zone)).toBe(expected);
  });

  it('asks Intl about a quarter hour once, however many instants fall in it', () => {
    // format is a getter that hands out a bound function: count the reads, one per call.
    const proto = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
    const format = vi.spyOn(proto, 'format', 'get');
    try {
      const start = Date.UTC(2032, 4, 10, 9, 0); // 10:00 BST in London
      const dates = Array.from({ length: 1000 }, (_, i) => toLocalDate(new Date(start + i * 900), 'Europe/London'));
      expect(new Set(dates)).toEqual(new Set(['2032-05-10']));
      // The instant, then the quarter's first and last millisecond: three calls, then none.
      expect(format.mock.calls.length).toBe(3);
    } finally {
      format.mockRestore();
    }
  });

  it('still refuses a zone it does not know', () => {
    expect(() => toLocalDate(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('toLocalDateTime from its hourly offset cache agrees with Intl', () => {
  // The reference asks Intl directly for every part, as the function did before it kept offsets.
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (locale: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let f = formats.get(key);
    if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
    return f;
  };
  const reference = (instant: Date, timeZone: string) => {
    const date = format('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    const time = format('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(instant);
    const nameIn = (locale: string) =>
      format(locale, { timeZone, timeZoneName: 'short' })
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    const isOffset = (n: string) => /^(GMT|UTC)[+−-]/.test(n);
    const british = nameIn('en-GB');
    const name = !isOffset(british) ? british : isOffset(nameIn('en-US')) ? british : nameIn('en-US');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const dateText = format('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
    return `${dateText}, ${time} ${name}`;
  };
  const zones = [
    'Europe/London',
    'America/Chicago',
    'Asia/Kathmandu', // +5:45
    'Australia/Lord_Howe', // a 30-minute daylight saving shift
    'America/St_Johns', // −3:30, with daylight saving
    'Pacific/Chatham', // +12:45 / +13:45
    'America/Santiago',
    'Asia/Kolkata',
  ];
  const HOUR = 3_600_000;
  const nameAt = (ms: number, zone: string) => reference(new Date(ms), zone).split(' ').pop();

  it.each(zones)(
    '%s: every minute of the 3 h around each clock change of 1995 and 2026, and 500 random instants',
    (zone) => {
      const instants: number[] = [];
      for (const year of [1995, 2026]) {
        // Clock changes by the zone's name or offset text a day apart, then to the hour.
        for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 24 * HOUR) {
          if (nameAt(day, zone) === nameAt(day + 24 * HOUR, zone)) continue;
          for (let ms = day; ms < day + 24 * HOUR; ms += HOUR) {
            if (nameAt(ms, zone) === nameAt(ms + HOUR, zone)) continue;
            for (let t = ms - HOUR; t <= ms + 2 * HOUR; t += 60_000) instants.push(t, t + 59_999);
          }
        }
      }
      let seed = 7;
      const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
      for (let i = 0; i < 500; i++)
        instants.push(Date.UTC(1979, 0, 1) + Math.floor(random() * 70 * 365.25 * 24 * HOUR));
      const differing = instants
        .map((ms) => new Date(ms))
        .filter((at) => toLocalDateTime(at, zone) !== reference(at, zone))
        .map((at) => `${at.toISOString()}: ${toLocalDateTime(at, zone)} ≠ ${reference(at, zone)}`);
      expect(differing).toEqual([]);
      expect(instants.length).toBeGreaterThanOrEqual(500);
    },
  );
});
