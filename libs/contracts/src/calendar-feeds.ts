import { z } from 'zod';

/**
 * A user's secret iCalendar feed: a calendar app subscribes to `/api/calendar/<token>.ics` without signing
 * in, so the token in the address is the credential (32 random bytes; the API keeps only its SHA-256).
 * - `clinic`: every appointment of the user's clinic;
 * - `mine`: the appointments the user is the clinician of, and those they booked without naming one.
 */
export const CALENDAR_FEED_SCOPES = ['clinic', 'mine'] as const;
export const calendarFeedScopeSchema = z.enum(CALENDAR_FEED_SCOPES, { error: 'must be clinic or mine' });
export type CalendarFeedScope = z.infer<typeof calendarFeedScopeSchema>;

/** The feed holds the clinic days from this many days back to this many ahead, computed on each fetch. */
export const CALENDAR_FEED_DAYS_BACK = 30;
export const CALENDAR_FEED_DAYS_AHEAD = 180;

export const CALENDAR_FEED_SCOPE_LABELS: Record<CalendarFeedScope, string> = {
  clinic: "All of the clinic's appointments",
  mine: 'Only my appointments',
};

export const calendarFeedSchema = z.object({
  scope: calendarFeedScopeSchema,
  /** When the current address was made (a regeneration makes a new one). */
  createdAt: z.string(),
  /** The last time a calendar app fetched it (kept to the minute); null until the first fetch. */
  lastFetchedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** The signed-in user's feed, or null when they have none. */
export const calendarFeedStatusSchema = z.object({ feed: calendarFeedSchema.nullable() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** Creates the feed, or replaces its address when one exists (the old address stops working at once). */
export const createCalendarFeedRequestSchema = z.object({ scope: calendarFeedScopeSchema }).strict();
export type CreateCalendarFeedRequest = z.infer<typeof createCalendarFeedRequestSchema>;

/** Changes what the feed holds; the address stays the same. */
export const updateCalendarFeedRequestSchema = z.object({ scope: calendarFeedScopeSchema }).strict();
export type UpdateCalendarFeedRequest = z.infer<typeof updateCalendarFeedRequestSchema>;

/** Answered once, when the address is made: the server keeps no copy of the token. */
export const calendarFeedCreatedSchema = z.object({
  feed: calendarFeedSchema,
  token: z.string(),
  /** The path under this server's origin a calendar app subscribes to: `/api/calendar/<token>.ics`. */
  path: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

/** 32 random bytes, base64url: anything else in the feed's address is not a feed. */
export const CALENDAR_FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const calendarFeedPath = (token: string) => `/api/calendar/${token}.ics`;
