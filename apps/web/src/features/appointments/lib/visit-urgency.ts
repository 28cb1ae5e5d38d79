import type { AppointmentResponse } from '@itb/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How urgent a visit is for the pump (issue 14 item 9): the worst state first. */
export type PumpState =
  | { kind: 'empty'; since: string; hoursWithoutDrug: number }
  | { kind: 'alarm-passed'; since: string; volumeNowMl: number }
  | { kind: 'alarm-ahead'; at: string; days: number; volumeNowMl: number };

/** The pump's state at a moment, from its volume and projected alarm and empty instants; null without an active pump. */
export function pumpStateOf(appointment: Pick<AppointmentResponse, 'pump'>, now: Date = new Date()): PumpState | null {
  const pump = appointment.pump;
  if (!pump) return null;
  const emptyMs = Date.parse(pump.emptyAt);
  const alarmMs = Date.parse(pump.alarmAt);
  if (emptyMs <= now.getTime()) {
    return { kind: 'empty', since: pump.emptyAt, hoursWithoutDrug: Math.floor((now.getTime() - emptyMs) / HOUR_MS) };
  }
  const volumeNowMl = pump.volumeNowMl;
  if (alarmMs <= now.getTime()) return { kind: 'alarm-passed', since: pump.alarmAt, volumeNowMl };
  return { kind: 'alarm-ahead', at: pump.alarmAt, days: Math.floor((alarmMs - now.getTime()) / DAY_MS), volumeNowMl };
}

/** A booked appointment whose start has passed with nobody checking the patient in. */
export const isLate = (appointment: Pick<AppointmentResponse, 'status' | 'startsAt'>, now: Date = new Date()) =>
  appointment.status === 'booked' && Date.parse(appointment.startsAt) <= now.getTime();
