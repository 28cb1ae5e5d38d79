import type { AppointmentResponse } from '@itb/contracts';

const byStart = (a: AppointmentResponse, b: AppointmentResponse) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** Today's arrivals: every appointment the front desk still deals with (not cancelled), in start order. */
export const arrivalsOf = (appointments: readonly AppointmentResponse[]): AppointmentResponse[] =>
  appointments.filter((appointment) => appointment.status !== 'cancelled').sort(byStart);

export interface ArrivalsTally {
  /** Booked, not here yet, and not yet due. */
  waiting: number;
  /** Booked, due, and not checked in. */
  late: number;
  checkedIn: number;
  seen: number;
  noShows: number;
}

export function tallyArrivals(arrivals: readonly AppointmentResponse[], now: Date = new Date()): ArrivalsTally {
  const count = (status: AppointmentResponse['status']) => arrivals.filter((a) => a.status === status).length;
  const late = arrivals.filter((a) => a.status === 'booked' && Date.parse(a.startsAt) <= now.getTime()).length;
  return {
    waiting: count('booked') - late,
    late,
    checkedIn: count('arrived'),
    seen: count('fulfilled'),
    noShows: count('noshow'),
  };
}

/**
 * Refills still to record today: patients checked in for a refill first (they are waiting in the
 * clinic), then refills booked and not yet here; each group in start order. Saving the refill
 * fulfils the appointment, which takes it off this list.
 */
export function refillsToRecord(appointments: readonly AppointmentResponse[]): AppointmentResponse[] {
  const refills = appointments.filter((a) => a.type === 'refill');
  return [
    ...refills.filter((a) => a.status === 'arrived').sort(byStart),
    ...refills.filter((a) => a.status === 'booked').sort(byStart),
  ];
}

/** Refills already recorded against today's appointments. */
export const recordedRefillCount = (appointments: readonly AppointmentResponse[]): number =>
  appointments.filter((a) => a.type === 'refill' && a.status === 'fulfilled').length;
