import type { AppointmentPreviewRequest } from '@itb/contracts';

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

/** The flags work list's filters as the address holds them: comma lists, '' for any. */
export interface FlagListParams {
  status: string;
  severity: string;
  code: string;
}

/** The due-refill queue's filters, as sent to `GET /refill-queue`. */
export interface RefillQueueParams {
  withinDays: number;
  unscheduledOnly: boolean;
  minSeverity: string;
  clinicianId: string;
}

/** A calendar range of clinic dates, inclusive. */
export interface AppointmentRangeParams {
  from: string;
  to: string;
}

/** The overdue report's period ('' for the server's default). */
export interface OverdueReportParams {
  from: string;
  to: string;
}

/** The patients behind one count of the overdue report ('' for the whole period / every specialist). */
export interface ReportPatientsParams extends OverdueReportParams {
  measure: string;
  month: string;
  specialistId: string;
  performedById: string;
}

/** The audit log's filters as the address holds them ('' for any); dates are clinic dates, inclusive. */
export interface AuditListParams {
  actorId: string;
  patientId: string;
  entityType: string;
  action: string;
  from: string;
  to: string;
}

/** A patient's timeline: the `kind` query parameter as sent ('' for every kind). */
export interface TimelineParams {
  kind: string;
}

export const queryKeys = {
  auth: {
    me: () => ['auth', 'me'] as const,
    invitation: (token: string) => ['auth', 'invitation', token] as const,
  },
  clinic: {
    detail: () => ['clinic', 'detail'] as const,
  },
  patients: {
    all: () => ['patients'] as const,
    lists: () => ['patients', 'list'] as const,
    list: (params: PatientListParams) => ['patients', 'list', params] as const,
    picker: (q: string) => ['patients', 'picker', q] as const,
    details: () => ['patients', 'detail'] as const,
    detail: (id: string) => ['patients', 'detail', id] as const,
    /** Below `detail`, so a refill, dose change or flag (which invalidate the chart) refresh them too. */
    timeline: (id: string, params: TimelineParams) => ['patients', 'detail', id, 'timeline', params] as const,
    emergencyCard: (id: string) => ['patients', 'detail', id, 'emergency-card'] as const,
  },
  pumps: {
    all: () => ['pumps'] as const,
    detail: (id: string) => ['pumps', 'detail', id] as const,
    fills: (id: string) => ['pumps', 'detail', id, 'fills'] as const,
    doseAdjustments: (id: string) => ['pumps', 'detail', id, 'dose-adjustments'] as const,
    /** Under `detail`, so a refill, dose change or bolus redraws the charts. */
    reservoirHistory: (id: string) => ['pumps', 'detail', id, 'reservoir-history'] as const,
    /** Under `detail`, so a refill or dose change re-plans the next refill's worksheet. */
    refillWorksheet: (id: string) => ['pumps', 'detail', id, 'refill-worksheet'] as const,
    /** Outside `detail`, so invalidating a pump after a save never re-runs a preview of the saved change. */
    fillPreview: (id: string, body: unknown) => ['pumps', 'fill-preview', id, body] as const,
  },
  fills: {
    /** A recorded refill's record: its numbers never change once stored. */
    worksheet: (id: string) => ['fills', 'worksheet', id] as const,
  },
  apiTokens: {
    all: () => ['api-tokens'] as const,
    list: () => ['api-tokens', 'list'] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (params: UserListParams) => ['users', 'list', params] as const,
  },
  flags: {
    all: () => ['flags'] as const,
    list: (params: FlagListParams) => ['flags', 'list', params] as const,
    /** One patient's flags still needing attention, for the banner on the chart. */
    patient: (patientId: string) => ['flags', 'patient', patientId] as const,
    /** Open critical flags, for the escalation banner every clinical screen carries. */
    criticalOpen: () => ['flags', 'critical-open'] as const,
  },
  refillQueue: {
    all: () => ['refill-queue'] as const,
    list: (params: RefillQueueParams) => ['refill-queue', 'list', params] as const,
  },
  appointments: {
    all: () => ['appointments'] as const,
    range: (params: AppointmentRangeParams) => ['appointments', 'range', params] as const,
    patient: (patientId: string, from: string) => ['appointments', 'patient', patientId, from] as const,
    preview: (body: AppointmentPreviewRequest | null) => ['appointments', 'preview', body] as const,
  },
  replacements: {
    all: () => ['replacement-worklist'] as const,
    list: (withinDays: number) => ['replacement-worklist', 'list', withinDays] as const,
  },
  reports: {
    all: () => ['reports'] as const,
    overdue: (params: OverdueReportParams) => ['reports', 'overdue', params] as const,
    overduePatients: (params: ReportPatientsParams) => ['reports', 'overdue', 'patients', params] as const,
    /** The overdue-now pages after the report's first, by the cursor they start from. */
    overdueNow: (startCursor: string) => ['reports', 'overdue', 'now', startCursor] as const,
  },
  calendarFeed: {
    /** The signed-in user's own feed. */
    mine: () => ['calendar-feed', 'mine'] as const,
  },
  audit: {
    all: () => ['audit-events'] as const,
    list: (params: AuditListParams) => ['audit-events', 'list', params] as const,
  },
  messages: {
    all: () => ['messages'] as const,
    /** The outbox filtered by status ('' for every status). */
    list: (status: string) => ['messages', 'list', status] as const,
    summary: () => ['messages', 'summary'] as const,
    /** The letters waiting to print, as many as one batch prints. */
    letters: () => ['messages', 'letters'] as const,
  },
  tasks: {
    open: () => ['tasks', 'open'] as const,
  },
};
