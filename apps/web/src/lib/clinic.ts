import type { ClinicResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/** The clinic's settings (due-soon window, lead days, time zone) shape how dates are shown everywhere. */
export const getClinic = ({ signal }: { signal?: AbortSignal } = {}): Promise<ClinicResponse> =>
  api.get<ClinicResponse>('/clinic', { signal });

export const clinicQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.clinic.detail(),
    queryFn: ({ signal }) => getClinic({ signal }),
    staleTime: 5 * 60_000,
  });

export const useClinic = () => useQuery(clinicQueryOptions());

/** DESIGN.md: the clinic's `dueSoonWindowDays` defaults to 14. */
export const DEFAULT_DUE_SOON_WINDOW_DAYS = 14;
