import { APPOINTMENT_TYPE_LABELS, EMERGENCY_CARD_TEXT, FLAG_CODE_LABELS, type FlagCode } from '@itb/contracts';
import { formatDateText, type LocalDate, toLocalDate, toLocalDateTime } from '@itb/domain';

/**
 * The words of every message (issue 13), as pure functions of what the planner read. A message carries
 * no more clinical detail than it needs: an e-mail names the appointment and the number to call; only a
 * printed letter, which reaches the patient's home, adds the alarm date and the withdrawal signs.
 * Staff digests name patients by MRN and initials only.
 */
export interface RenderedMessage {
  subject: string;
  body: string;
}

export interface ClinicVoice {
  name: string;
  timeZone: string;
  /** The clinic's 24-hour number; null when the clinic has not set one. */
  emergencyPhone: string | null;
}

export type Channel = 'email' | 'letter';

const callLine = (clinic: ClinicVoice) =>
  clinic.emergencyPhone ? `call us on ${clinic.emergencyPhone} (24 hours)` : 'call the clinic';

/** What to watch for, in every patient message: said briefly by e-mail, in full on paper. */
const watchFor = (clinic: ClinicVoice, channel: Channel): string[] =>
  channel === 'email'
    ? [
        `If your pump alarm sounds, or you notice itching, returning stiffness or spasms, fever or confusion, ` +
          `${callLine(clinic)} straight away.`,
      ]
    : [
        EMERGENCY_CARD_TEXT.withdrawalSigns,
        `If you notice any of these, ${callLine(clinic)} now; out of hours go to an emergency department and ` +
          'say you have a baclofen pump. Withdrawal can become life-threatening within 24-72 hours.',
      ];

const whenText = (daysBefore: number) => (daysBefore === 1 ? 'tomorrow' : `in ${daysBefore} days`);

export interface RefillReminderFacts {
  clinic: ClinicVoice;
  patientName: string;
  startsAt: Date;
  /** The pump's projected low-reservoir alarm; printed on letters only. */
  alarmAt: Date | null;
  /** Whole clinic days from the reminder's day to the appointment's. */
  daysBefore: number;
  channel: Channel;
}

export function refillReminder(f: RefillReminderFacts): RenderedMessage {
  const day = formatDateText(toLocalDate(f.startsAt, f.clinic.timeZone));
  const alarm =
    f.channel === 'letter' && f.alarmAt
      ? [
          `Your pump's low-reservoir alarm is expected to sound on ${formatDateText(toLocalDate(f.alarmAt, f.clinic.timeZone))}. Please do not miss this appointment.`,
        ]
      : [];
  return {
    subject: `Reminder: your appointment at ${f.clinic.name} on ${day}`,
    body: paragraphs([
      `Dear ${f.patientName},`,
      `This is a reminder of your pump refill appointment at ${f.clinic.name} ${whenText(f.daysBefore)}:\n${toLocalDateTime(f.startsAt, f.clinic.timeZone)}.`,
      ...alarm,
      `If you cannot come, ${callLine(f.clinic)} to book another time before your pump runs low.`,
      ...watchFor(f.clinic, f.channel),
      f.clinic.name,
    ]),
  };
}

export interface CallUsFacts {
  clinic: ClinicVoice;
  patientName: string;
  alarmAt: Date;
  channel: Channel;
}

/** To a patient whose pump is past its alarm with no refill booked: once per overdue spell. */
export function callUsReminder(f: CallUsFacts): RenderedMessage {
  const alarm =
    f.channel === 'letter'
      ? [`Your pump's low-reservoir alarm was due on ${formatDateText(toLocalDate(f.alarmAt, f.clinic.timeZone))}.`]
      : [];
  return {
    subject: `Please call ${f.clinic.name} today`,
    body: paragraphs([
      `Dear ${f.patientName},`,
      `Your pump is due for a refill and we have no appointment booked for you. Please ${callLine(f.clinic)} today to book one.`,
      ...alarm,
      ...watchFor(f.clinic, f.channel),
      f.clinic.name,
    ]),
  };
}

/** A patient as a digest names them: MRN and initials. */
export interface DigestPatient {
  mrn: string;
  initials: string;
}

export interface StaffDigestFacts {
  clinic: ClinicVoice;
  staffName: string;
  date: LocalDate;
  dueSoonWindowDays: number;
  overdue: (DigestPatient & { alarmAt: Date })[];
  dueUnbooked: (DigestPatient & { refillBy: LocalDate })[];
  criticalFlags: (DigestPatient & { code: FlagCode | 'manual' })[];
  today: (DigestPatient & { startsAt: Date; type: keyof typeof APPOINTMENT_TYPE_LABELS; status: string })[];
}

/** Lines a digest lists per section; the count above says how many there are in all. */
export const DIGEST_LINES_PER_SECTION = 25;

function section<T>(heading: string, items: readonly T[], line: (item: T) => string, none: string): string {
  if (items.length === 0) return `${heading}: none. ${none}`.trim();
  const shown = items.slice(0, DIGEST_LINES_PER_SECTION).map((item) => `  - ${line(item)}`);
  const more =
    items.length > DIGEST_LINES_PER_SECTION ? [`  … and ${items.length - DIGEST_LINES_PER_SECTION} more`] : [];
  return [`${heading}: ${items.length}`, ...shown, ...more].join('\n');
}

const who = (p: DigestPatient) => `${p.mrn} ${p.initials}`;

export function staffDigest(f: StaffDigestFacts): RenderedMessage {
  const zone = f.clinic.timeZone;
  const time = (at: Date) => toLocalDateTime(at, zone).split(', ')[1] ?? '';
  const dateOf = (at: Date) => formatDateText(toLocalDate(at, zone));
  return {
    subject: `${f.clinic.name}: morning digest for ${formatDateText(f.date)}`,
    body: paragraphs([
      `Good morning ${f.staffName},`,
      `${f.clinic.name}, ${formatDateText(f.date)}. Patients are named by MRN and initials only.`,
      section('Overdue pumps (alarm passed)', f.overdue, (p) => `${who(p)}: alarm ${dateOf(p.alarmAt)}`, ''),
      section(
        `Due within ${f.dueSoonWindowDays} days and not booked`,
        f.dueUnbooked,
        (p) => `${who(p)}: refill by ${formatDateText(p.refillBy)}`,
        '',
      ),
      section(
        'Open critical flags',
        f.criticalFlags,
        (p) => `${who(p)}: ${p.code === 'manual' ? 'Clinical signs recorded' : FLAG_CODE_LABELS[p.code]}`,
        '',
      ),
      section(
        "Today's clinic",
        f.today,
        (p) => `${time(p.startsAt)} ${who(p)}: ${APPOINTMENT_TYPE_LABELS[p.type]} (${p.status})`,
        'No appointments today.',
      ),
      'Open the dashboard for the details. You receive this digest because you turned it on under "Your account".',
    ]),
  };
}

/** "Ada Lovelace" → "A.L."; a name's parts as the digest shows them. */
export const initialsOf = (givenName: string, familyName: string) =>
  `${givenName.trim().charAt(0).toUpperCase()}.${familyName.trim().charAt(0).toUpperCase()}.`;

const paragraphs = (parts: readonly string[]) => parts.filter((p) => p !== '').join('\n\n');
