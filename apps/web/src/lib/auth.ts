import type { MeResponse, Role } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';

export const getMe = ({ signal }: { signal?: AbortSignal } = {}): Promise<MeResponse> =>
  api.get<MeResponse>('/auth/me', { signal });

export const meQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.auth.me(),
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());

/**
 * The signed-in user. Only for components below the signed-in layout, which renders its
 * children once `/auth/me` has answered.
 */
export function useCurrentUser(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is used outside the signed-in layout');
  return data;
}

export const ROLE_LABELS: Record<Role, string> = {
  specialist: 'Specialist',
  nurse: 'Nurse',
  admin: 'Administrator',
};

/** What each role may do in the dashboard; the API enforces the same rules. */
export type Permission =
  | 'patient:create'
  | 'patient:edit'
  | 'pump:implant'
  /** Edit a pump's details, explant it, replace it (the API allows specialists). */
  | 'pump:manage'
  | 'fill:record'
  | 'dose:change'
  | 'pump:event'
  | 'user:manage'
  | 'api_token:manage'
  | 'flag:raise'
  | 'flag:acknowledge'
  | 'flag:resolve'
  | 'queue:view'
  | 'calendar:view'
  | 'appointment:manage'
  | 'report:view'
  | 'audit:view'
  /** The outbox of reminders and digests, the letter batch (issue 13). */
  | 'messages:manage'
  /** Calendar, capacity, refill scheduling, the 24-hour number and reminder settings. */
  | 'clinic:manage'
  /** The call list the reminder planner opens for overdue patients with nothing booked. */
  | 'task:work';

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  specialist: [
    'patient:create',
    'patient:edit',
    'pump:implant',
    'pump:manage',
    'fill:record',
    'dose:change',
    'pump:event',
    'flag:raise',
    'flag:acknowledge',
    'flag:resolve',
    'queue:view',
    'calendar:view',
    'appointment:manage',
    'report:view',
    'task:work',
  ],
  // Nurses change doses within the titration limits only; the dose form and the API enforce that.
  // Nurses raise clinical-sign flags and acknowledge flags; only a specialist resolves one.
  // Nurses book and update appointments and may open the queue; reports are for specialists and admins.
  nurse: [
    'patient:create',
    'patient:edit',
    'pump:implant',
    'fill:record',
    'dose:change',
    'pump:event',
    'flag:raise',
    'flag:acknowledge',
    'queue:view',
    'calendar:view',
    'appointment:manage',
    'task:work',
  ],
  // Administrators are read-only on clinical records; the audit log is theirs alone.
  admin: ['user:manage', 'api_token:manage', 'report:view', 'audit:view', 'messages:manage', 'clinic:manage'],
};

export const can = (user: Pick<MeResponse, 'role'>, permission: Permission): boolean =>
  PERMISSIONS[user.role].includes(permission);
