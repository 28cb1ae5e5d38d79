import { describe, expect, it } from 'vitest';
import { filtersFromSearch, isDefaultFilters, NO_AUDIT_FILTERS, searchFromFilters } from './audit-filters';

const ACTOR = 'a1100000-0000-4000-8000-000000000001';
const PATIENT = '7d0c2f1e-0000-4000-8000-000000000001';

describe('audit filters in the address', () => {
  it('reads every filter the API takes, under the API’s own names', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        `actorId=${ACTOR}&patientId=${PATIENT}&entityType=fill&action=flag.&from=2026-11-01&to=2026-11-30`,
      ),
    );
    expect(filters).toEqual({
      actorId: ACTOR,
      patientId: PATIENT,
      entityType: 'fill',
      action: 'flag.',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('writes back the same address, so a link reproduces the view', () => {
    const search = `actorId=${ACTOR}&patientId=${PATIENT}&entityType=fill&action=fill.create&from=2026-11-01&to=2026-11-30`;
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams(search))).toString()).toBe(search);
  });

  it('leaves out filters that are not set, so the plain address stays /audit', () => {
    expect(searchFromFilters(NO_AUDIT_FILTERS).toString()).toBe('');
    expect(isDefaultFilters(NO_AUDIT_FILTERS)).toBe(true);
    expect(searchFromFilters({ ...NO_AUDIT_FILTERS, entityType: 'flag' }).toString()).toBe('entityType=flag');
  });

  it('falls back to "any" for what the API would refuse: bad ids, unknown records, bad dates', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('actorId=42&patientId=nope&entityType=constructor&from=2026-13-01&to=yesterday'),
    );
    expect(filters).toEqual(NO_AUDIT_FILTERS);
  });

  it('trims the action and drops one longer than the API accepts', () => {
    expect(filtersFromSearch(new URLSearchParams('action=%20fill.create%20')).action).toBe('fill.create');
    expect(filtersFromSearch(new URLSearchParams(`action=${'x'.repeat(61)}`)).action).toBe('');
  });

  it('drops the end of a backwards date range', () => {
    const filters = filtersFromSearch(new URLSearchParams('from=2026-11-30&to=2026-11-01'));
    expect(filters).toMatchObject({ from: '2026-11-30', to: '' });
  });
});
