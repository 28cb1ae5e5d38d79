import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * A `searchset` Bundle: each resource with its absolute `fullUrl`, `self` and, when there is a further
 * page, `next` (the same search with the cursor of this page's last row).
 */
export function toSearchsetBundle(
  baseUrl: string,
  resources: readonly Resource[],
  links: { self: string; next: string | null },
  matchTypes?: ReadonlySet<string>,
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [{ relation: 'self', url: links.self }, ...(links.next ? [{ relation: 'next', url: links.next }] : [])],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id as string}`,
      resource,
      // `$everything` answers the patient's records as matches; a search says `include` for none.
      search: { mode: !matchTypes || matchTypes.has(resource.resourceType) ? 'match' : 'include' },
    })),
  };
}
