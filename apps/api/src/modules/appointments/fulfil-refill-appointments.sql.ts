/**
 * A refill fulfils its patient's booked or arrived refill appointments of the fill's clinic day: they point
 * at the fill. The update, answering their ids; its arguments are SQL expressions (parameters): the fill's
 * id, the patient's, the clinic's and the clinic day. It runs inside the refill's one write statement
 * (`PumpsRepository.recordRefill`), which also writes their `appointment.fulfilled` audit rows.
 */
export const FULFIL_REFILL_APPOINTMENTS = (fillId: string, patientId: string, clinicId: string, day: string) =>
  `UPDATE appointments SET status = 'fulfilled', fill_id = ${fillId}, version = version + 1, updated_at = now()
   WHERE patient_id = ${patientId} AND clinic_id = ${clinicId} AND type = 'refill' AND status IN ('booked', 'arrived')
     AND starts_on = ${day}
   RETURNING id`;
