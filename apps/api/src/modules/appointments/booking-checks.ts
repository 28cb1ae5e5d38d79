import type { AppointmentPreviewResponse } from '@itb/contracts';
import {
  APPOINTMENT_STATUSES,
  bookingDateWarnings,
  bookingWarnings,
  type DayLoad,
  isDayFull,
  type PumpDates,
  takesASlot,
  toLocalDate,
} from '@itb/domain';
import type { EntityManager } from 'typeorm';
import type { ClinicEntity } from '../clinics/clinic.entity.js';

const SLOT_TAKING_STATUSES = APPOINTMENT_STATUSES.filter(takesASlot);

export interface BookingSlot {
  patientId: string;
  startsAt: Date;
  durationMinutes: number;
  /** The appointment being moved, not counted against its own day. */
  appointmentId?: string | null;
}

export interface BookingChecks {
  startsOn: string;
  pump: PumpDates | null;
  day: DayLoad;
  warnings: string[];
}

/**
 * The checks a booking meets (libs/domain `bookingWarnings` and `bookingDateWarnings`): clinic days
 * and hours, the patient's active pump's projected dates, and the day's capacity. Create, move and
 * the preview endpoint all answer from here, so the form shows what the save will say.
 */
export async function bookingChecks(m: EntityManager, clinic: ClinicEntity, slot: BookingSlot): Promise<BookingChecks> {
  const startsOn = toLocalDate(slot.startsAt, clinic.timeZone);
  const [row] = (await m.query(
    `SELECT alarm_at, empty_at, refill_by::text FROM pumps WHERE patient_id = $1 AND clinic_id = $2 AND status = 'active'`,
    [slot.patientId, clinic.id],
  )) as { alarm_at: Date | null; empty_at: Date | null; refill_by: string | null }[];
  const [load] = (await m.query(
    `SELECT count(*)::int AS booked FROM appointments
     WHERE clinic_id = $1 AND starts_on = $2 AND status = ANY($3) AND id IS DISTINCT FROM $4::uuid`,
    [clinic.id, startsOn, SLOT_TAKING_STATUSES, slot.appointmentId ?? null],
  )) as { booked: number }[];
  const pump: PumpDates | null = row ? { alarmAt: row.alarm_at, emptyAt: row.empty_at, refillBy: row.refill_by } : null;
  const day: DayLoad = { date: startsOn, booked: load?.booked ?? 0, capacity: clinic.slotsPerDay };
  const warnings = [
    ...bookingDateWarnings(slot.startsAt, clinic.timeZone, pump, day),
    ...bookingWarnings(slot.startsAt, slot.durationMinutes, {
      timeZone: clinic.timeZone,
      clinicDays: clinic.clinicDays,
      opensAt: clinic.opensAt,
      closesAt: clinic.closesAt,
    }),
  ];
  return { startsOn, pump, day, warnings };
}

export const toPreviewResponse = (c: BookingChecks): AppointmentPreviewResponse => ({
  startsOn: c.startsOn,
  pump: c.pump && {
    alarmAt: c.pump.alarmAt?.toISOString() ?? null,
    emptyAt: c.pump.emptyAt?.toISOString() ?? null,
    refillBy: c.pump.refillBy,
  },
  day: { booked: c.day.booked, capacity: c.day.capacity, isFull: isDayFull(c.day) },
  warnings: c.warnings,
});
