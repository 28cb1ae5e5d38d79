import { TIMELINE_KINDS, type TimelineKind } from '@itb/contracts';

/**
 * The filter chips: one per kind a clinician thinks in. A flag's three moments (raised,
 * acknowledged, resolved) are one chip, so "Flags" shows each flag's whole story.
 */
export const KIND_GROUPS = {
  fills: ['fill'],
  doses: ['dose_adjustment'],
  events: ['pump_event'],
  appointments: ['appointment'],
  flags: ['flag_raised', 'flag_acknowledged', 'flag_resolved'],
} as const satisfies Record<string, readonly TimelineKind[]>;

export type KindGroup = keyof typeof KIND_GROUPS;

export const KIND_GROUP_LABELS: Record<KindGroup, string> = {
  fills: 'Fills',
  doses: 'Dose changes',
  events: 'Pump events',
  appointments: 'Appointments',
  flags: 'Flags',
};

export const KIND_GROUP_ORDER = Object.keys(KIND_GROUPS) as KindGroup[];

/** One entry's kind in words, shown beside its icon so the icon is never the only cue. */
export const KIND_LABELS: Record<TimelineKind, string> = {
  fill: 'Fill',
  dose_adjustment: 'Dose change',
  pump_event: 'Pump event',
  appointment: 'Appointment',
  flag_raised: 'Flag raised',
  flag_acknowledged: 'Flag acknowledged',
  flag_resolved: 'Flag resolved',
};

/**
 * The `kind` query parameter for the chosen chips: '' (every kind, the parameter left out) when
 * none or all are chosen, else the kinds comma-separated in the contract's order.
 */
export function kindParam(groups: readonly KindGroup[]): string {
  const kinds = new Set<TimelineKind>(groups.flatMap((group) => KIND_GROUPS[group]));
  if (kinds.size === 0 || kinds.size === TIMELINE_KINDS.length) return '';
  return TIMELINE_KINDS.filter((kind) => kinds.has(kind)).join(',');
}

/** The chip value standing for "every kind". */
export const ALL_KINDS = 'all';

/**
 * The chips' next selection: choosing "All" clears the others, choosing a kind clears "All",
 * and clearing the last kind falls back to all, so the list is never filtered to nothing.
 */
export function nextKindGroups(previous: readonly KindGroup[], chosen: readonly string[]): KindGroup[] {
  const isAllNewlyChosen = chosen.includes(ALL_KINDS) && previous.length > 0;
  if (isAllNewlyChosen) return [];
  return KIND_GROUP_ORDER.filter((group) => chosen.includes(group));
}
