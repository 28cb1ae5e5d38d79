import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * A booking or a status change moves the calendar, the queue's "next appointment" column, the
 * flags it raises or clears (an unbooked refill, a missed appointment), the report's no-shows, the
 * replacement worklist's consults and the patient's history.
 */
export const invalidateAfterAppointmentChange = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.refillQueue.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.reports.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
    // The replacement worklist shows each pump's replacement consult.
    queryClient.invalidateQueries({ queryKey: queryKeys.replacements.all() }),
    // A patient's history lists their appointments with their status.
    queryClient.invalidateQueries({ queryKey: queryKeys.patients.details() }),
  ]);
