import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After a refill or a dose change: the chart (its pump card reads `activePump`), the pump and
 * everything below it (fills, dose changes) and the lists that show due dates. Awaited, so the
 * page the user lands on already shows the new alarm and refill-by dates.
 */
export const invalidatePumpChange = (queryClient: QueryClient, { patientId, pumpId }: PumpRef) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patientId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.patients.lists() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.pumps.detail(pumpId) }),
    // A refill or a dose change raises or clears withdrawal-risk flags (the banner, the work list).
    queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
    // A refill fulfils that day's refill appointment and moves the pump in the queue and the report.
    queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.refillQueue.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.reports.all() }),
  ]);

export interface PumpRef {
  patientId: string;
  pumpId: string;
}
