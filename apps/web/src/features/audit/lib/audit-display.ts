import {
  AGE_BAND_LABELS,
  type AuditEventResponse,
  CAUTION_LABELS,
  CLINICAL_SIGN_LABELS,
  DIAGNOSIS_LABELS,
  DOSE_REASON_LABELS,
  FLAG_CODE_LABELS,
  INTERACTING_MEDICINE_LABELS,
  PUMP_EVENT_LABELS,
  RISK_FACTOR_LABELS,
} from '@itb/contracts';
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
  calendar_feed: 'Calendar feed',
  api_token: 'API token',
  message: 'Message',
  task: 'Call to make',
};

/** What each audited action did; an action not listed here shows as its code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'patient.view': 'Chart opened',
  'fhir.patient_read': 'Patient read through the FHIR API',
  'fhir.patient_everything': 'Whole record read through the FHIR API',
  'patient.create': 'Patient added',
  'patient.update': 'Patient updated',
  'pump.implant': 'Pump implanted',
  'pump.update': 'Pump updated',
  'pump.explant': 'Pump explanted',
  'pump.worksheet_export': 'Refill worksheet downloaded (PDF)',
  'pump_event.create': 'Pump event recorded',
  'fill.create': 'Refill recorded',
  'fill.worksheet_export': 'Refill record downloaded (PDF)',
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
  'calendar_feed.create': 'Calendar feed made',
  'calendar_feed.regenerate': 'Calendar feed given a new address',
  'calendar_feed.update': 'Calendar feed changed',
  'calendar_feed.revoke': 'Calendar feed revoked',
  'api_token.create': 'API token created',
  'api_token.revoke': 'API token revoked',
  'message.sent': 'Message sent',
  'message.failed': 'Message failed',
  'message.resend': 'Message sent again',
  'message.letters_export': 'Letter batch printed',
  'message.printed': 'Letter marked printed',
  'task.done': 'Call made',
  'user.preferences': 'Own preferences changed',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** The record an action's code names before its dot (`fill.create` → fill); sign-ins are their own group. */
const ACTION_GROUPS: Record<string, string> = { auth: 'Sign-in', fhir: 'FHIR API read', ...ENTITY_LABELS };

/**
 * The action filter's choices in the clinic's words, grouped by record: "Any flag action" (the prefix
 * `flag.`) and then each action ("Flag resolved", `flag.resolve`). The codes stay the values the API takes.
 */
export function actionFilterGroups(): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const [action, label] of Object.entries(ACTION_LABELS)) {
    const prefix = action.slice(0, action.indexOf('.'));
    const items = groups.get(prefix) ?? [
      { value: `${prefix}.`, label: `Any ${(ACTION_GROUPS[prefix] ?? prefix).toLowerCase()} action` },
    ];
    items.push({ value: action, label });
    groups.set(prefix, items);
  }
  return [...groups].map(([prefix, items]) => ({ group: ACTION_GROUPS[prefix] ?? prefix, items }));
}

export const entityLabel = (entityType: string): string => ENTITY_LABELS[entityType] ?? entityType;

/** Names whose words the generic rule would get wrong. */
const FIELD_WORDS: Record<string, string> = {
  mrn: 'MRN',
  eriDate: 'ERI date',
  id: 'ID',
  fillId: 'Fill',
  pumpId: 'Pump',
  patientId: 'Patient',
  clinicianId: 'Clinician',
  orderedById: 'Ordered by',
  primarySpecialistId: 'Primary specialist',
  timeZone: 'Time zone',
  statusReason: 'Cancellation reason',
};
/** Units a field's name ends in: the value shows the unit, so the label drops it. */
const UNIT_NAME_ENDINGS = ['McgPerMl', 'McgPerDay', 'MlPerDay', 'MgPerDay', 'Mcg', 'Ml', 'Pct'];

function segmentLabel(segment: string): string {
  const index = /^(.*)\[(\d+)\]$/.exec(segment);
  if (index) return `${segmentLabel(index[1]!)} ${Number(index[2]) + 1}`;
  const known = FIELD_WORDS[segment];
  if (known) return known;
  const ending = UNIT_NAME_ENDINGS.find((unit) => segment.endsWith(unit) && segment.length > unit.length);
  const words = (ending ? segment.slice(0, -ending.length) : segment)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A recorded field's name in words: `volumeAddedMl` → "Volume added", `details.facts.daysLeft` →
 * "Details › Facts › Days left", `signs[1]` → "Signs 2". The code stays available beside it.
 */
export const fieldLabel = (path: string): string => (path ? path.split('.').map(segmentLabel).join(' › ') : 'Value');

const ENUM_TEXT = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
/** The product's own words for its stored keys (rule codes, signs, reasons, event types, patient lists). */
const KEY_LABELS: Record<string, string> = {
  ...DIAGNOSIS_LABELS,
  ...RISK_FACTOR_LABELS,
  ...CAUTION_LABELS,
  ...INTERACTING_MEDICINE_LABELS,
  ...AGE_BAND_LABELS,
  ...CLINICAL_SIGN_LABELS,
  ...DOSE_REASON_LABELS,
  ...PUMP_EVENT_LABELS,
  ...FLAG_CODE_LABELS,
};

/**
 * A stored key as words: a rule code, a sign or a reason by the label the screens use, any other
 * `snake_case` key in plain words ("some_new_key" → "Some new key"). Free text stays as it is.
 */
export function valueLabel(value: string): string {
  if (Object.hasOwn(KEY_LABELS, value)) return KEY_LABELS[value]!;
  const isKey = ENUM_TEXT.test(value) || /^[A-Z]+(_[A-Z]+)+$/.test(value);
  if (!isKey) return value;
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

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
    return valueLabel(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value.map((item) => (typeof item === 'string' ? valueLabel(item) : JSON.stringify(item))).join(', ');
  }
  return JSON.stringify(value);
}
