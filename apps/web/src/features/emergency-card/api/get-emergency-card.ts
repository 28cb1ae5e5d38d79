import type { EmergencyCard } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildApiUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const cardPath = (patientId: string) => `/patients/${encodeURIComponent(patientId)}/emergency-card`;

export const getEmergencyCard = (
  patientId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<EmergencyCard> => api.get<EmergencyCard>(cardPath(patientId), { signal });

export const emergencyCardQueryOptions = (patientId: string) =>
  queryOptions({
    queryKey: queryKeys.patients.emergencyCard(patientId),
    queryFn: ({ signal }) => getEmergencyCard(patientId, { signal }),
  });

export const useEmergencyCard = (patientId: string) => useQuery(emergencyCardQueryOptions(patientId));

/** The same card as a PDF made by the server; the browser downloads it with the session cookie. */
export const emergencyCardPdfHref = (patientId: string): string => buildApiUrl(`${cardPath(patientId)}.pdf`);
