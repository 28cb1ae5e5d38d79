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
    fills: (id: string) => ['pumps', 'detail', id, 'fills'] as const,
    doseAdjustments: (id: string) => ['pumps', 'detail', id, 'dose-adjustments'] as const,
    /** Outside `detail`, so invalidating a pump after a save never re-runs a preview of the saved change. */
    fillPreview: (id: string, body: unknown) => ['pumps', 'fill-preview', id, body] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (params: UserListParams) => ['users', 'list', params] as const,
  },
};
