import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_FILTERS,
  loadQueueFilters,
  queueFiltersStorageKey,
  saveQueueFilters,
  toRefillQueueParams,
} from './queue-filters';

const ANNA = '7d0c2f1e-0000-4000-8000-00000000000a';
const BEN = '7d0c2f1e-0000-4000-8000-00000000000b';

describe('queue filters storage', () => {
  afterEach(() => window.localStorage.clear());

  it('remembers each user their own filters', () => {
    const annas = { withinDays: 7, unscheduledOnly: true, minSeverity: 'high' as const, isMinePatientsOnly: true };
    saveQueueFilters(ANNA, annas);
    expect(loadQueueFilters(ANNA)).toEqual(annas);
    expect(loadQueueFilters(BEN)).toEqual(DEFAULT_QUEUE_FILTERS);
  });

  it('falls back field by field on a stored value it cannot read', () => {
    window.localStorage.setItem(
      queueFiltersStorageKey(ANNA),
      JSON.stringify({ withinDays: 'soon', unscheduledOnly: true, minSeverity: 'extreme' }),
    );
    expect(loadQueueFilters(ANNA)).toEqual({ ...DEFAULT_QUEUE_FILTERS, unscheduledOnly: true });
    window.localStorage.setItem(queueFiltersStorageKey(ANNA), '{not json');
    expect(loadQueueFilters(ANNA)).toEqual(DEFAULT_QUEUE_FILTERS);
  });

  it('keeps working when the browser refuses storage', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveQueueFilters(ANNA, DEFAULT_QUEUE_FILTERS, blocked)).not.toThrow();
    expect(loadQueueFilters(ANNA, blocked)).toEqual(DEFAULT_QUEUE_FILTERS);
  });

  it('asks the API for "my patients" as the signed-in user being primary specialist', () => {
    expect(toRefillQueueParams({ ...DEFAULT_QUEUE_FILTERS, isMinePatientsOnly: true }, ANNA).clinicianId).toBe(ANNA);
    expect(toRefillQueueParams(DEFAULT_QUEUE_FILTERS, ANNA)).toEqual({
      withinDays: 30,
      unscheduledOnly: false,
      minSeverity: '',
      clinicianId: '',
    });
  });
});
