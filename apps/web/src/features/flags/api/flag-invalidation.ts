import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After a flag is raised, acknowledged or resolved: every flag list and banner, the patient's
 * chart, and the refill queue (its rows show each pump's worst flag). Awaited, so the dialog
 * closes onto a banner that already shows the change.
 */
export const invalidateFlagChange = (queryClient: QueryClient, patientId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patientId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.refillQueue.all() }),
  ]);
