import type { AcceptInvitationRequest, InvitationLookupResponse } from '@itb/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The token travels in a POST body, never in an address. */
export const lookupInvitation = (token: string, signal?: AbortSignal): Promise<InvitationLookupResponse> =>
  api.post<InvitationLookupResponse>('/auth/invitations/lookup', { token }, { signal });

export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.auth.invitation(token),
    queryFn: ({ signal }) => lookupInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });

export const useInvitation = (token: string) => useQuery({ ...invitationQueryOptions(token), enabled: !!token });

export const acceptInvitation = (body: AcceptInvitationRequest): Promise<void> =>
  api.post<void>('/auth/invitations/accept', body);

export const useAcceptInvitation = () => useMutation({ mutationFn: acceptInvitation });
