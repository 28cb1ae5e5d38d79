import { TZDate } from '@date-fns/tz';
import { APPOINTMENT_TYPE_LABELS, type AppointmentResponse, type CalendarFeedScope } from '@itb/contracts';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { vtimezone } from './vtimezone.js';

/** One appointment as the feed shows it: the patient by initials and MRN only, never a name or notes. */
export interface FeedAppointment {
  id: string;
  type: AppointmentResponse['type'];
  startsAt: Date;
  durationMinutes: number;
  status: AppointmentResponse['status'];
  version: number;
  updatedAt: Date;
  givenName: string;
  familyName: string;
  mrn: string;
  clinicianName: string | null;
}

export interface FeedCalendar {
  clinicName: string;
  timeZone: string;
  scope: CalendarFeedScope;
  /** The instants the feed's clinic days span, for the VTIMEZONE. */
  from: Date;
  to: Date;
  now: Date;
  appointments: FeedAppointment[];
}

/** How often a calendar app is asked to fetch again (REFRESH-INTERVAL): the feed is computed on each fetch. */
export const FEED_REFRESH_SECONDS = 15 * 60;

const STATUS_WORDS: Record<AppointmentResponse['status'], string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  fulfilled: 'Done',
  cancelled: 'Cancelled',
  noshow: 'Did not attend',
};

/** "A.L." from Ada Lovelace: the first letter of each name (a whole character, not half a surrogate pair). */
export const initialsOf = (givenName: string, familyName: string) =>
  [givenName, familyName]
    .map((name) => Array.from(name.trim())[0]?.toUpperCase() ?? '')
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join('');

/** `Refill · A.L. · MRN-1234`; a cancelled appointment says so first, for apps that hide STATUS. */
export const eventSummary = (a: Pick<FeedAppointment, 'type' | 'status' | 'givenName' | 'familyName' | 'mrn'>) =>
  `${a.status === 'cancelled' ? 'Cancelled: ' : ''}${APPOINTMENT_TYPE_LABELS[a.type]} · ${initialsOf(a.givenName, a.familyName)} · ${a.mrn}`;

/** The stable UID of an appointment's event: a move or a status change updates the same event. */
export const eventUid = (appointmentId: string) => `${appointmentId}@itb-clinic`;

/**
 * The feed as iCalendar text. Times are written on the clinic's clock (`TZID=` the clinic's zone, with its
 * VTIMEZONE); each appointment is one event whose SEQUENCE is its version − 1 and LAST-MODIFIED its last
 * change, so a calendar app replaces a moved event instead of keeping both. Cancelled appointments stay in
 * the feed as STATUS:CANCELLED, so an app that already shows them takes them off.
 */
export function calendarIcs(feed: FeedCalendar): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'ITB Clinic', product: 'Calendar feed', language: 'EN' },
    name: feed.scope === 'mine' ? `My appointments · ${feed.clinicName}` : `Appointments · ${feed.clinicName}`,
    // The zone is named on each event, not on the calendar: with a calendar zone, ical-generator writes
    // DTSTAMP and LAST-MODIFIED as local times, and RFC 5545 wants them in UTC.
    timezone: { name: null, generator: (zone) => vtimezone(zone, feed.from, feed.to) },
    ttl: FEED_REFRESH_SECONDS,
    x: { 'X-WR-TIMEZONE': feed.timeZone },
  });
  const inZone = (instant: Date) => new TZDate(instant.getTime(), feed.timeZone);
  for (const a of feed.appointments) {
    calendar.createEvent({
      id: eventUid(a.id),
      start: inZone(a.startsAt),
      end: inZone(new Date(a.startsAt.getTime() + a.durationMinutes * 60_000)),
      timezone: feed.timeZone,
      stamp: feed.now,
      sequence: a.version - 1,
      lastModified: a.updatedAt,
      summary: eventSummary(a),
      description: [
        `Status: ${STATUS_WORDS[a.status]}`,
        a.clinicianName ? `Clinician: ${a.clinicianName}` : 'Clinician: not named',
      ].join('\n'),
      location: feed.clinicName,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
