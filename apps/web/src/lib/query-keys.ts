/**
 * Hierarchical query keys (TanStack Query docs): invalidating a prefix such as `['patients']`
 * refreshes every list and detail below it. Kept in one place so one feature can invalidate
 * another's data without importing it.
 */
export interface PatientListParams {
  q: string;
}

export interface UserListParams {
  role?: string;
}

export const queryKeys = {
  auth: {
    me: () => ['auth', 'me'] as const,
  },
  clinic: {
    detail: () => ['clinic', 'detail'] as const,
  },
  patients: {
    all: () => ['patients'] as const,
    lists: () => ['patients', 'list'] as const,
    list: (params: PatientListParams) => ['patients', 'list', params] as const,
    detail: (id: string) => ['patients', 'detail', id] as const,
  },
  pumps: {
    all: () => ['pumps'] as const,
    detail: (id: string) => ['pumps', 'detail', id] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (params: UserListParams) => ['users', 'list', params] as const,
  },
};
