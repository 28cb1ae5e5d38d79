import type { AuditEventResponse } from '@itb/contracts';
import { formatInstant, formatLocalDate } from '../../../lib/format';

/** The records the API audits (`entity_type`), in the words of the clinic. */
export const ENTITY_LABELS: Record<string, string> = {
  patient: 'Patient',
  pump: 'Pump',
  fill: 'Fill',
  dose_adjustment: 'Dose adjustment',
  pump_event: 'Pump event',
  appointment: 'Appointment',
  flag: 'Flag',
  user: 'User account',
  clinic: 'Clinic settings',
};

/** What each audited action did; an action not listed here shows as its code. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'patient.view': 'Chart opened',
  'patient.create': 'Patient added',
  'patient.update': 'Patient updated',
  'pump.implant': 'Pump implanted',
  'pump.update': 'Pump updated',
  'pump.explant': 'Pump explanted',
  'pump_event.create': 'Pump event recorded',
  'fill.create': 'Refill recorded',
  'dose_adjustment.create': 'Dose changed',
  'appointment.create': 'Appointment booked',
  'appointment.update': 'Appointment moved',
  'appointment.booked': 'Appointment re-booked',
  'appointment.arrived': 'Checked in',
  'appointment.fulfilled': 'Appointment fulfilled',
  'appointment.cancelled': 'Appointment cancelled',
  'appointment.noshow': 'Marked no-show',
  'flag.raise': 'Flag raised',
  'flag.escalate': 'Flag escalated',
  'flag.acknowledge': 'Flag acknowledged',
  'flag.resolve': 'Flag resolved',
  'flag.auto_resolve': 'Flag resolved automatically',
  'user.create': 'User invited',
  'user.update': 'User updated',
  'user.deactivate': 'User deactivated',
  'user.reactivate': 'User reactivated',
  'user.reset': 'Sign-in reset (new link)',
  'user.set_password': 'Password set from a link',
  'user.change_password': 'Password changed',
  // Recorded by earlier versions, when an administrator could set a password.
  'user.reset_password': 'Password reset',
  'clinic.update': 'Clinic settings changed',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

export const entityLabel = (entityType: string): string => ENTITY_LABELS[entityType] ?? entityType;

/** Who did it: a user, a user whose account is gone, or the hourly flag check. */
export function actorText(event: Pick<AuditEventResponse, 'actorId' | 'actorName'>): string {
  if (event.actorName) return event.actorName;
  return event.actorId ? 'Former user' : 'System (automatic check)';
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a recorded value is an instant, which the viewer shows on the clinic's clock. */
export const isInstantText = (value: unknown): value is string => typeof value === 'string' && INSTANT.test(value);

/** Field names carry their units (`volumeAddedMl`, `concentrationMcgPerMl`); longest suffix first. */
const UNIT_SUFFIXES: [suffix: string, unit: string][] = [
  ['DailyDoseMcg', 'mcg/day'],
  ['DailyVolumeMl', 'mL/day'],
  ['McgPerMl', 'mcg/mL'],
  ['McgPerDay', 'mcg/day'],
  ['MlPerDay', 'mL/day'],
  ['MgPerDay', 'mg/day'],
  ['Minutes', 'min'],
  ['Days', 'days'],
  ['Mcg', 'mcg'],
  ['Ml', 'mL'],
  ['Pct', '%'],
];

/** The unit a field's name declares: `details.volumeNowMl` → "mL", `dailyDoseMcg` → "mcg/day"; none for `status`. */
export function unitOfField(path: string): string | undefined {
  const name = (
    path
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? ''
  ).toLowerCase();
  return UNIT_SUFFIXES.find(([suffix]) => name.endsWith(suffix.toLowerCase()))?.[1];
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function withUnit(value: string, path: string): string {
  const unit = unitOfField(path);
  if (!unit) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/**
 * A recorded value as a clinician reads it: numbers with the unit their field names, instants on
 * the clinic's clock with the zone, dates as dates. Numbers keep every digit the record holds.
 * `undefined` (the field was not there) is for the caller to show.
 */
export function formatAuditValue(value: unknown, path: string, timeZone: string): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return withUnit(String(value), path);
  if (typeof value === 'string') {
    if (value === '') return '(blank)';
    if (NUMERIC_TEXT.test(value)) return withUnit(value, path);
    if (isInstantText(value)) return formatInstant(value, timeZone);
    if (LOCAL_DATE.test(value)) return formatLocalDate(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  }
  return JSON.stringify(value);
}
