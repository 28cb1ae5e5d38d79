import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { FlagListParams } from '../../../lib/query-keys';
import { filtersFromSearch, searchFromFilters } from './flag-filters';

/**
 * The work list's filters, kept in the address (`?status=&severity=&code=`) so Back returns to
 * the same list. The router applies an address change in a transition, so the filters shown are
 * held in state too: a second change made before the first lands builds on it instead of on the
 * old address.
 */
export function useFlagFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const address = searchParams.toString();
  const [filters, setFilters] = useState<FlagListParams>(() => filtersFromSearch(searchParams));
  const [lastAddress, setLastAddress] = useState(address);

  // The address changed (our own change landing, Back, the navigation link): show what it says.
  if (address !== lastAddress) {
    setLastAddress(address);
    setFilters(filtersFromSearch(searchParams));
  }

  const apply = (next: FlagListParams) => {
    setFilters(next);
    setSearchParams(searchFromFilters(next), { replace: true });
  };

  return {
    filters,
    changeFilters: (change: Partial<FlagListParams>) => apply({ ...filters, ...change }),
    resetFilters: () => apply(filtersFromSearch(new URLSearchParams())),
  };
}
