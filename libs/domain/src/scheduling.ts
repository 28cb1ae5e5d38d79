import { addDays, formatDateText, isoWeekday, type LocalDate, toLocalDate } from './local-date.js';

/**
 * Clinic days, proposed refill dates and appointment status rules (DESIGN.md "Work surfaces";
 * statuses as FHIR Appointment: booked → arrived → fulfilled, or cancelled / noshow).
 */
export const APPOINTMENT_TYPES = ['refill', 'dose_review', 'interrogation', 'replacement_consult'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];
export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'cancelled', 'noshow'],
  arrived: ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
  noshow: [],
};

export function allowedTransitions(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Clinic days are ISO weekdays, 1 = Monday … 7 = Sunday. */
export function isClinicDay(date: LocalDate, clinicDays: readonly number[]): boolean {
  return clinicDays.includes(isoWeekday(date));
}

/**
 * The date the booking form proposes for a refill: the last clinic day on or before the refill-by
 * date, but not before today; when that leaves nothing (overdue, or no clinic day in between), the
 * first clinic day from today. Null only when the clinic has no clinic days at all.
 */
export function proposeRefillDate(
  refillBy: LocalDate,
  today: LocalDate,
  clinicDays: readonly number[],
): LocalDate | null {
  if (clinicDays.length === 0) return null;
  for (let d = refillBy; d >= today; d = addDays(d, -1)) {
    if (isClinicDay(d, clinicDays)) return d;
  }
  for (let d = today; ; d = addDays(d, 1)) {
    if (isClinicDay(d, clinicDays)) return d;
  }
}

export interface ClinicHours {
  timeZone: string;
  clinicDays: readonly number[];
  /** `HH:MM` on the clinic's wall clock. */
  opensAt: string;
  closesAt: string;
}

const wallClock = new Map<string, Intl.DateTimeFormat>();
function localTime(instant: Date, timeZone: string): string {
  let f = wallClock.get(timeZone);
  if (!f)
    wallClock.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    );
  return f.format(instant);
}

/** Warnings for a booking outside the clinic's days or hours: allowed, but said out loud. */
export function bookingWarnings(startsAt: Date, durationMinutes: number, hours: ClinicHours): string[] {
  const warnings: string[] = [];
  const date = toLocalDate(startsAt, hours.timeZone);
  if (!isClinicDay(date, hours.clinicDays)) warnings.push(`${formatDateText(date)} is not a clinic day`);
  const start = localTime(startsAt, hours.timeZone);
  const end = localTime(new Date(startsAt.getTime() + durationMinutes * 60_000), hours.timeZone);
  if (start < hours.opensAt || end > hours.closesAt || end < start) {
    warnings.push(`${start}–${end} is outside clinic hours (${hours.opensAt}–${hours.closesAt})`);
  }
  return warnings;
}
