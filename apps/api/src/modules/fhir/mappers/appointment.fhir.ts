import type { Appointment } from '@medplum/fhirtypes';
import { instant, ITB_CODES, patientRef, deviceRef } from './fhir-codes.js';

export interface AppointmentRow {
  id: string;
  patientId: string;
  pumpId: string | null;
  type: 'refill' | 'dose_review' | 'interrogation' | 'replacement_consult';
  status: 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';
  startsAt: Date;
  durationMinutes: number;
  clinicianName: string | null;
  statusReason: string | null;
  createdAt: Date;
}

const TYPE_DISPLAY: Record<AppointmentRow['type'], string> = {
  refill: 'Pump refill',
  dose_review: 'Dose review',
  interrogation: 'Pump interrogation',
  replacement_consult: 'Pump replacement consultation',
};

/**
 * An appointment as FHIR R4 Appointment: our statuses are FHIR's (booked, arrived, fulfilled,
 * cancelled, noshow), start and end from the duration, the patient and the pump as participants, the
 * clinician by name, the reason a cancellation gave.
 */
export function toFhirAppointment(row: AppointmentRow): Appointment {
  const end = new Date(row.startsAt.getTime() + row.durationMinutes * 60_000);
  return {
    resourceType: 'Appointment',
    id: row.id,
    status: row.status,
    ...(row.status === 'cancelled' && row.statusReason ? { cancelationReason: { text: row.statusReason } } : {}),
    appointmentType: {
      coding: [{ system: ITB_CODES.appointmentType, code: row.type, display: TYPE_DISPLAY[row.type] }],
      text: TYPE_DISPLAY[row.type],
    },
    start: instant(row.startsAt),
    end: instant(end),
    minutesDuration: row.durationMinutes,
    created: instant(row.createdAt),
    participant: [
      { actor: patientRef(row.patientId), required: 'required', status: 'accepted' },
      ...(row.pumpId
        ? [{ actor: deviceRef(row.pumpId), required: 'information-only' as const, status: 'accepted' as const }]
        : []),
      ...(row.clinicianName
        ? [{ actor: { display: row.clinicianName }, required: 'required' as const, status: 'accepted' as const }]
        : []),
    ],
  };
}
