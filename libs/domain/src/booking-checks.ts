import type { AppointmentStatus } from './scheduling.js';
import { formatDateText, type LocalDate, toLocalDate, toLocalDateTime } from './local-date.js';

/**
 * What a booking is checked against before it is saved (DESIGN.md "Work surfaces"; issue 14 item 3):
 * the pump's projected dates — a patient seen after the alarm, the empty date or the refill-by date
 * has run low or run out before anyone sees them (CLINICAL.md "Withdrawal") — and the clinic day's
 * capacity. Every check is a warning: a clinician may still book, having read it.
 */

/** Appointments that take one of a clinic day's slots: a cancelled or missed booking frees it. */
const TAKES_A_SLOT: ReadonlySet<AppointmentStatus> = new Set(['booked', 'arrived', 'fulfilled']);
export const takesASlot = (status: AppointmentStatus): boolean => TAKES_A_SLOT.has(status);

export interface PumpDates {
  /** Projected low-reservoir alarm and empty instants; null when the pump has no projection. */
  alarmAt: Date | null;
  emptyAt: Date | null;
  /** The clinic date the next refill is due by. */
  refillBy: LocalDate | null;
}

export interface DayLoad {
  date: LocalDate;
  /** Appointments already taking a slot that day, not counting the one being booked or moved. */
  booked: number;
  capacity: number;
}

export const isDayFull = (day: DayLoad): boolean => day.booked >= day.capacity;

export function dayLoadText(day: DayLoad): string {
  return `${formatDateText(day.date)} is full: ${day.booked} of ${day.capacity} slots booked`;
}

/** The pump-date and capacity warnings for a start time, worst first. */
export function bookingDateWarnings(
  startsAt: Date,
  timeZone: string,
  pump: PumpDates | null,
  day: DayLoad | null,
): string[] {
  const warnings: string[] = [];
  if (pump?.emptyAt && startsAt > pump.emptyAt) {
    warnings.push(
      `Starts after the pump is projected to run empty (${toLocalDateTime(pump.emptyAt, timeZone)}): ` +
        'the patient would be without baclofen',
    );
  } else if (pump?.alarmAt && startsAt > pump.alarmAt) {
    warnings.push(`Starts after the pump's low-reservoir alarm (${toLocalDateTime(pump.alarmAt, timeZone)})`);
  }
  if (pump?.refillBy && toLocalDate(startsAt, timeZone) > pump.refillBy) {
    warnings.push(`Falls after the refill-by date (${formatDateText(pump.refillBy)})`);
  }
  if (day && isDayFull(day)) warnings.push(dayLoadText(day));
  return warnings;
}
