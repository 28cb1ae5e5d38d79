import { daysBetween } from '@itb/domain';

export type RefillUrgency = 'overdue' | 'due_soon' | 'ok';

export interface RefillStatus {
  urgency: RefillUrgency;
  /** Calendar days from the clinic's today to the refill-by date; negative once it has passed. */
  daysLeft: number;
}

/**
 * How urgent a refill-by date is on the clinic's today: overdue once today is past it, due soon
 * within the clinic's due-soon window (DESIGN.md `dueSoonWindowDays`, default 14).
 */
export function refillStatus(refillBy: string, today: string, dueSoonWindowDays: number): RefillStatus {
  const daysLeft = daysBetween(today, refillBy);
  if (daysLeft < 0) return { urgency: 'overdue', daysLeft };
  if (daysLeft <= dueSoonWindowDays) return { urgency: 'due_soon', daysLeft };
  return { urgency: 'ok', daysLeft };
}

/** Share of the reservoir still filled, 0–100. */
export function reservoirPercent(volumeMl: number, reservoirMl: number): number {
  if (reservoirMl <= 0) return 0;
  return Math.min(100, Math.max(0, (volumeMl / reservoirMl) * 100));
}
