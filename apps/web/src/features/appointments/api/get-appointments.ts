import type { AppointmentResponse, Page } from '@itb/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, type AppointmentRangeParams } from '../../../lib/query-keys';

/** The API's largest page. */
const PAGE_LIMIT = 200;
/** A week of a very busy clinic is a few hundred appointments; more than this is a fault, not a week. */
const MAX_PAGES = 10;

/**
 * Every appointment of a range of clinic dates (inclusive), in start order. A calendar shows the
 * whole range, so the keyset pages are followed to the end here rather than behind a button.
 */
export async function getAppointmentsInRange({
  from,
  to,
  signal,
}: AppointmentRangeParams & { signal?: AbortSignal }): Promise<AppointmentResponse[]> {
  const items: AppointmentResponse[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api.get<Page<AppointmentResponse>>('/appointments', {
      query: { from, to, cursor, limit: PAGE_LIMIT },
      signal,
    });
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

export const appointmentsInRangeQueryOptions = (params: AppointmentRangeParams) =>
  queryOptions({
    queryKey: queryKeys.appointments.range(params),
    queryFn: ({ signal }) => getAppointmentsInRange({ ...params, signal }),
    // Check-ins and refills change the day while it is on screen at the front desk.
    staleTime: 10_000,
    refetchInterval: 60_000,
  });

/** While the next week loads, the previous one stays on screen (dimmed by the caller). */
export const useAppointmentsInRange = (params: AppointmentRangeParams) =>
  useQuery({ ...appointmentsInRangeQueryOptions(params), placeholderData: keepPreviousData });
