import { type ClinicSchedule, refillByDate } from '@itb/domain';
import type { EntityManager } from 'typeorm';

/**
 * A clinic's zone changed: the clinic dates stored beside instants follow it, in the caller's
 * transaction. A refill's clinic date and an appointment's clinic day are the instant's date in the
 * new zone; the refill-by a past refill answered to moves by as many days as its alarm's clinic date
 * moved (the lead days of the time are kept, not recomputed).
 */
export async function moveClinicDates(
  m: EntityManager,
  clinicId: string,
  previousZone: string,
  zone: string,
): Promise<void> {
  await m.query(
    `UPDATE fills SET performed_on = (performed_at AT TIME ZONE $2)::date,
       due_refill_by = due_refill_by
         + ((due_alarm_at AT TIME ZONE $2)::date - (due_alarm_at AT TIME ZONE $3)::date)
     WHERE clinic_id = $1`,
    [clinicId, zone, previousZone],
  );
  await m.query(`UPDATE appointments SET starts_on = (starts_at AT TIME ZONE $2)::date WHERE clinic_id = $1`, [
    clinicId,
    zone,
  ]);
}

/**
 * The zone, the lead days or the stability limit changed: every active pump's refill-by date is
 * worked out again by the reservoir engine from its alarm and its fill (one UPDATE for the clinic).
 */
export async function recomputeRefillBy(m: EntityManager, clinicId: string, schedule: ClinicSchedule): Promise<void> {
  const pumps = (await m.query(
    `SELECT p.id, p.alarm_at, f.performed_at
     FROM pumps p JOIN fills f ON f.id = p.current_fill_id
     WHERE p.clinic_id = $1 AND p.status = 'active' AND p.alarm_at IS NOT NULL`,
    [clinicId],
  )) as { id: string; alarm_at: Date; performed_at: Date }[];
  if (!pumps.length) return;
  await m.query(
    `UPDATE pumps p SET refill_by = v.refill_by
     FROM unnest($1::uuid[], $2::date[]) AS v(id, refill_by)
     WHERE p.id = v.id AND p.refill_by IS DISTINCT FROM v.refill_by`,
    [pumps.map((p) => p.id), pumps.map((p) => refillByDate(p.performed_at, p.alarm_at, schedule).refillBy)],
  );
}
