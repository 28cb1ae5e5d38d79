import type { AppointmentResponse } from '@itb/contracts';

/** An appointment with the names a calendar shows. */
export const APPOINTMENT_SELECT = `
  SELECT a.id, a.patient_id, a.pump_id, a.type, a.starts_at, a.starts_on::text, a.duration_minutes, a.clinician_id,
         a.status, a.status_reason, a.fill_id, a.notes, a.version,
         pt.given_name, pt.family_name, pt.mrn, cardinality(pt.risk_factors) > 0 AS is_high_risk, u.name AS clinician_name,
         pu.alarm_at AS pump_alarm_at, pu.empty_at AS pump_empty_at, pu.current_fill_id AS pump_fill_id
  FROM appointments a
  JOIN patients pt ON pt.id = a.patient_id
  LEFT JOIN users u ON u.id = a.clinician_id
  LEFT JOIN pumps pu ON pu.id = a.pump_id AND pu.status = 'active'`;

export interface AppointmentRow {
  id: string;
  patient_id: string;
  pump_id: string | null;
  type: AppointmentResponse['type'];
  starts_at: Date;
  starts_on: string;
  duration_minutes: number;
  clinician_id: string | null;
  status: AppointmentResponse['status'];
  status_reason: string | null;
  fill_id: string | null;
  notes: string | null;
  version: number;
  given_name: string;
  family_name: string;
  mrn: string;
  is_high_risk: boolean;
  clinician_name: string | null;
  pump_alarm_at: Date | null;
  pump_empty_at: Date | null;
  pump_fill_id: string | null;
}

/**
 * `volumeNowMl` is the active pump's volume now (libs/domain `volumeAt` over its current fill's drain, as
 * the queue computes it); the pump's state is left out when it is not known.
 */
export const toAppointmentResponse = (
  r: AppointmentRow,
  warnings: string[] = [],
  volumeNowMl: number | null = null,
): AppointmentResponse => ({
  id: r.id,
  patientId: r.patient_id,
  patientName: `${r.family_name}, ${r.given_name}`,
  mrn: r.mrn,
  isHighRisk: r.is_high_risk,
  pumpId: r.pump_id,
  type: r.type,
  startsAt: r.starts_at.toISOString(),
  startsOn: r.starts_on,
  durationMinutes: r.duration_minutes,
  clinicianId: r.clinician_id,
  clinicianName: r.clinician_name,
  status: r.status,
  fillId: r.fill_id,
  notes: r.notes,
  statusReason: r.status_reason,
  pump:
    r.pump_alarm_at && r.pump_empty_at && volumeNowMl !== null
      ? { alarmAt: r.pump_alarm_at.toISOString(), emptyAt: r.pump_empty_at.toISOString(), volumeNowMl }
      : null,
  version: r.version,
  warnings,
});
