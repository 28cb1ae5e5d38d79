import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { calendarIcs, eventSummary, type FeedAppointment, initialsOf } from './calendar-ics.js';
import { vtimezone } from './vtimezone.js';

const appointment = (overrides: Partial<FeedAppointment>): FeedAppointment => ({
  id: '3c2d1e0f-0000-4000-8000-000000000001',
  type: 'refill',
  startsAt: new Date('2026-10-20T09:00:00Z'),
  durationMinutes: 30,
  status: 'booked',
  version: 1,
  updatedAt: new Date('2026-10-01T12:00:00Z'),
  givenName: 'Ada',
  familyName: 'Lovelace',
  mrn: 'MRN-1',
  clinicianName: 'Dr Who',
  ...overrides,
});

/** Parses like a calendar app: the feed's own VTIMEZONE gives the zone's offsets. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const lines = (text: string) => text.split('\r\n');

describe('calendar feed text', () => {
  it("writes each appointment on the clinic's clock across a clock change, and a calendar app reads back the same instants", () => {
    const ics = calendarIcs({
      clinicName: 'Northside',
      timeZone: 'Europe/London',
      scope: 'clinic',
      from: new Date('2026-09-30T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
      now: new Date('2026-10-10T08:00:00Z'),
      appointments: [
        // 09:00Z on 20 October is 10:00 BST (UTC+1).
        appointment({}),
        // 10:00Z on 2 November is 10:00 GMT: British Summer Time ended on Sunday 25 October at 01:00Z.
        appointment({
          id: '3c2d1e0f-0000-4000-8000-000000000002',
          type: 'dose_review',
          startsAt: new Date('2026-11-02T10:00:00Z'),
          durationMinutes: 45,
          status: 'cancelled',
          version: 3,
          updatedAt: new Date('2026-10-05T07:30:00Z'),
        }),
      ],
    });
    const text = lines(ics);
    expect(text).toContain('DTSTART;TZID=Europe/London:20261020T100000');
    expect(text).toContain('DTEND;TZID=Europe/London:20261020T103000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20261102T100000');
    expect(text).toContain('DTEND;TZID=Europe/London:20261102T104500');
    // The clock change itself: 02:00 BST on 25 October 2026 becomes 01:00 GMT.
    expect(ics).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000');

    const events = parse(ics);
    expect(
      events.map((e) => ({
        uid: e.uid,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        zone: e.startDate.zone?.tzid,
        summary: e.summary,
        sequence: e.sequence,
        status: e.component.getFirstPropertyValue('status'),
        lastModified: (e.component.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      })),
    ).toEqual([
      {
        uid: '3c2d1e0f-0000-4000-8000-000000000001@itb-clinic',
        start: '2026-10-20T09:00:00.000Z',
        end: '2026-10-20T09:30:00.000Z',
        zone: 'Europe/London',
        summary: 'Refill · A.L. · MRN-1',
        sequence: 0,
        status: 'CONFIRMED',
        lastModified: '2026-10-01T12:00:00.000Z',
      },
      {
        uid: '3c2d1e0f-0000-4000-8000-000000000002@itb-clinic',
        start: '2026-11-02T10:00:00.000Z',
        end: '2026-11-02T10:45:00.000Z',
        zone: 'Europe/London',
        summary: 'Cancelled: Dose review · A.L. · MRN-1',
        sequence: 2,
        status: 'CANCELLED',
        lastModified: '2026-10-05T07:30:00.000Z',
      },
    ]);
    expect(ics).not.toContain('Lovelace');
    expect(ics).not.toContain('Ada');
  });

  it('describes a fixed-offset zone with one observance and a half-hour clock change to the minute', () => {
    expect(lines(vtimezone('Etc/GMT-3', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z')))).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Etc/GMT-3',
      'X-LIC-LOCATION:Etc/GMT-3',
      'BEGIN:STANDARD',
      'DTSTART:20260101T030000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'TZNAME:GMT+3',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    // Lord Howe Island: UTC+10:30, and +11 from 02:00 on the first Sunday of October (4 October 2026),
    // i.e. 2026-10-03T15:30Z; back at 02:00 daylight time on the first Sunday of April (4 April 2027).
    const lordHowe = vtimezone(
      'Australia/Lord_Howe',
      new Date('2026-09-01T00:00:00Z'),
      new Date('2027-05-01T00:00:00Z'),
    );
    expect(lordHowe).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100');
    expect(lordHowe).toContain('BEGIN:STANDARD\r\nDTSTART:20270404T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030');
  });

  it('names the patient by initials and MRN only', () => {
    expect(initialsOf('  émile', 'zola')).toBe('É.Z.');
    expect(initialsOf('𝒜da', 'Lovelace')).toBe('𝒜.L.');
    expect(
      eventSummary({
        type: 'replacement_consult',
        status: 'noshow',
        givenName: 'Grace',
        familyName: 'Hopper',
        mrn: 'M-7',
      }),
    ).toBe('Replacement consult · G.H. · M-7');
  });
});
