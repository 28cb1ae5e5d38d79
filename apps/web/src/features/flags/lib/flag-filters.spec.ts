import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './flag-filters';

describe('flag filters in the address', () => {
  it('defaults to the flags needing attention, any severity, any rule', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual({ status: 'open,acknowledged', severity: '', code: '' });
  });

  it('falls back to the default for values it does not know (an old bookmark, a typo)', () => {
    const filters = filtersFromSearch(new URLSearchParams('status=closed&severity=urgent&code=NOPE'));
    expect(filters).toEqual({ status: 'open,acknowledged', severity: '', code: '' });
  });

  it('writes only what differs from the default, so the plain address stays /flags', () => {
    expect(searchFromFilters({ status: 'open,acknowledged', severity: '', code: '' }).toString()).toBe('');
    expect(searchFromFilters({ status: 'resolved', severity: 'high', code: 'RESIDUAL_DISCREPANCY' }).toString()).toBe(
      'status=resolved&severity=high&code=RESIDUAL_DISCREPANCY',
    );
  });
});
