import { FLAG_SEVERITIES, type FlagSeverity } from '@itb/domain';
import { useState } from 'react';
import { z } from 'zod';
import type { RefillQueueParams } from '../../../lib/query-keys';

/** What the queue shows; each user's choice is remembered in this browser. */
export interface QueueFilters {
  /** Refill-by dates up to this many days ahead (overdue pumps always show). */
  withinDays: number;
  /** Only pumps with no booked or arrived refill appointment. */
  unscheduledOnly: boolean;
  /** Only pumps whose worst open flag is at least this severe; '' for any. */
  minSeverity: FlagSeverity | '';
  /** Only the signed-in specialist's own patients (their primary specialist). */
  isMinePatientsOnly: boolean;
}

/** DESIGN.md "Due-refill queue": the window defaults to 30 days. */
export const DEFAULT_QUEUE_FILTERS: QueueFilters = {
  withinDays: 30,
  unscheduledOnly: false,
  minSeverity: '',
  isMinePatientsOnly: false,
};

export const WINDOW_DAY_OPTIONS = [7, 14, 30, 60, 90] as const;

/** A stored value from an older version or another hand falls back field by field, never throws. */
const storedFiltersSchema = z
  .object({
    withinDays: z.number().int().min(0).max(365).catch(DEFAULT_QUEUE_FILTERS.withinDays),
    unscheduledOnly: z.boolean().catch(DEFAULT_QUEUE_FILTERS.unscheduledOnly),
    minSeverity: z.enum([...FLAG_SEVERITIES, '']).catch(DEFAULT_QUEUE_FILTERS.minSeverity),
    isMinePatientsOnly: z.boolean().catch(DEFAULT_QUEUE_FILTERS.isMinePatientsOnly),
  })
  .catch(DEFAULT_QUEUE_FILTERS);

export const queueFiltersStorageKey = (userId: string): string => `itb.refill-queue.filters.${userId}`;

type FiltersStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The user's saved filters, or the defaults (nothing saved, unreadable, or storage blocked). */
export function loadQueueFilters(userId: string, storage: FiltersStorage = window.localStorage): QueueFilters {
  try {
    const raw = storage.getItem(queueFiltersStorageKey(userId));
    return raw ? storedFiltersSchema.parse(JSON.parse(raw)) : DEFAULT_QUEUE_FILTERS;
  } catch {
    return DEFAULT_QUEUE_FILTERS;
  }
}

export function saveQueueFilters(
  userId: string,
  filters: QueueFilters,
  storage: FiltersStorage = window.localStorage,
): void {
  try {
    storage.setItem(queueFiltersStorageKey(userId), JSON.stringify(filters));
  } catch {
    // Private browsing or a full storage: the filters still apply, they are just not remembered.
  }
}

export const isDefaultQueueFilters = (filters: QueueFilters): boolean =>
  (Object.keys(DEFAULT_QUEUE_FILTERS) as (keyof QueueFilters)[]).every(
    (key) => filters[key] === DEFAULT_QUEUE_FILTERS[key],
  );

/** The API's query: "my patients" is the signed-in user as primary specialist. */
export const toRefillQueueParams = (filters: QueueFilters, userId: string): RefillQueueParams => ({
  withinDays: filters.withinDays,
  unscheduledOnly: filters.unscheduledOnly,
  minSeverity: filters.minSeverity,
  clinicianId: filters.isMinePatientsOnly ? userId : '',
});

/** The signed-in user's queue filters, saved on every change. */
export function useQueueFilters(userId: string) {
  const [state, setState] = useState(() => ({ userId, filters: loadQueueFilters(userId) }));
  // Another user signed in within this tab: show their filters, not the last user's.
  if (state.userId !== userId) setState({ userId, filters: loadQueueFilters(userId) });

  const setFilters = (filters: QueueFilters) => {
    saveQueueFilters(userId, filters);
    setState({ userId, filters });
  };
  return { filters: state.userId === userId ? state.filters : loadQueueFilters(userId), setFilters };
}
