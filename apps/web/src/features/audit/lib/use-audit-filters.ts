import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditListParams } from '../../../lib/query-keys';
import { filtersFromSearch, NO_AUDIT_FILTERS, searchFromFilters } from './audit-filters';

/**
 * The audit log's filters, kept in the address so a link reproduces the view and Back returns to
 * it. The router applies an address change in a transition, so the filters shown are held in state
 * too: a second change made before the first lands builds on it instead of on the old address.
 */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const address = searchParams.toString();
  const [filters, setFilters] = useState<AuditListParams>(() => filtersFromSearch(searchParams));
  const [lastAddress, setLastAddress] = useState(address);

  // The address changed (our own change landing, Back, a pasted link): show what it says.
  if (address !== lastAddress) {
    setLastAddress(address);
    setFilters(filtersFromSearch(searchParams));
  }

  const apply = (next: AuditListParams) => {
    setFilters(next);
    setSearchParams(searchFromFilters(next), { replace: true });
  };

  return {
    filters,
    changeFilters: (change: Partial<AuditListParams>) => apply({ ...filters, ...change }),
    resetFilters: () => apply(NO_AUDIT_FILTERS),
  };
}
