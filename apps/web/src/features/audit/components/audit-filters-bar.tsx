import type { UserResponse } from '@itb/contracts';
import { Button, Group, NativeSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../lib/auth';
import type { AuditListParams } from '../../../lib/query-keys';
import { actionFilterGroups } from '../lib/audit-display';
import { cleanAction, ENTITY_OPTIONS, isBackwardsRange, isDefaultFilters } from '../lib/audit-filters';
import { PatientFilterSelect, type PatientSearch } from './patient-filter-select';

/** The audited actions never change while the page is open: grouped once. */
const ACTION_GROUPS = actionFilterGroups();

export type AuditActor = Pick<UserResponse, 'id' | 'name' | 'role' | 'isActive'>;

interface AuditFiltersBarProps {
  filters: AuditListParams;
  onChange: (change: Partial<AuditListParams>) => void;
  onReset: () => void;
  /** The clinic's users; undefined while they load. */
  actors: AuditActor[] | undefined;
  patientSearch: PatientSearch;
  /** Names the events shown give the chosen user and patient, for a link opened cold. */
  knownNames: { actor?: string; patient?: string };
}

function actorOptions(actors: AuditActor[] | undefined, actorId: string, knownName: string | undefined) {
  const options = [...(actors ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((actor) => ({
      value: actor.id,
      label: `${actor.name} (${ROLE_LABELS[actor.role]}${actor.isActive ? '' : ', inactive'})`,
    }));
  // The chosen user stays choosable while the list loads (or if it failed).
  if (actorId && !options.some((option) => option.value === actorId)) {
    options.unshift({ value: actorId, label: knownName ?? 'Selected user' });
  }
  return [{ value: '', label: actors ? 'All users' : 'All users (loading the list…)' }, ...options];
}

/**
 * The action filter in the clinic's words ("Flag resolved", "Any flag action"), searchable by typing; its
 * values are the codes and prefixes the API takes. An action from a link that the list does not know
 * stays choosable under its code.
 */
function ActionFilter({ action, onApply }: { action: string; onApply: (action: string) => void }) {
  const known = ACTION_GROUPS.some((group) => group.items.some((item) => item.value === action));
  const data = [
    { group: 'All', items: [{ value: '', label: 'All actions' }] },
    ...(action && !known ? [{ group: 'From the link', items: [{ value: action, label: action }] }] : []),
    ...ACTION_GROUPS,
  ];
  return (
    <Select
      label="Action"
      data={data}
      value={action}
      onChange={(value) => onApply(cleanAction(value))}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No action by that name"
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      w={250}
    />
  );
}

/** From and to, inclusive clinic dates; a backwards range is said and not applied. */
function DateRangeFilter({
  from,
  to,
  onApply,
}: {
  from: string;
  to: string;
  onApply: (range: { from: string; to: string }) => void;
}) {
  const [draft, setDraft] = useState({ from, to });
  const [last, setLast] = useState({ from, to });
  if (from !== last.from || to !== last.to) {
    setLast({ from, to });
    setDraft({ from, to });
  }
  const change = (next: { from: string; to: string }) => {
    setDraft(next);
    if (!isBackwardsRange(next)) onApply(next);
  };
  return (
    <>
      <TextInput
        type="date"
        label="From"
        description="Clinic date"
        value={draft.from}
        max={draft.to || undefined}
        onChange={(event) => change({ ...draft, from: event.currentTarget.value })}
        w={170}
      />
      <TextInput
        type="date"
        label="To"
        description="Inclusive"
        value={draft.to}
        min={draft.from || undefined}
        onChange={(event) => change({ ...draft, to: event.currentTarget.value })}
        error={isBackwardsRange(draft) ? 'Must not be before From' : undefined}
        w={170}
      />
    </>
  );
}

/** User, patient, record, action and dates; each applies at once and is kept in the address. */
export function AuditFiltersBar({
  filters,
  onChange,
  onReset,
  actors,
  patientSearch,
  knownNames,
}: AuditFiltersBarProps) {
  return (
    <Group align="flex-start" gap="md" mb="md" wrap="wrap">
      <NativeSelect
        label="User"
        description="Who did it"
        data={actorOptions(actors, filters.actorId, knownNames.actor)}
        value={filters.actorId}
        onChange={(event) => onChange({ actorId: event.currentTarget.value })}
        w={240}
      />
      <PatientFilterSelect
        patientId={filters.patientId}
        onChange={(patientId) => onChange({ patientId })}
        search={patientSearch}
        knownLabel={knownNames.patient}
      />
      <NativeSelect
        label="Record"
        description="What was changed"
        data={ENTITY_OPTIONS}
        value={filters.entityType}
        onChange={(event) => onChange({ entityType: event.currentTarget.value })}
        w={190}
      />
      <ActionFilter action={filters.action} onApply={(action) => onChange({ action })} />
      <DateRangeFilter from={filters.from} to={filters.to} onApply={(range) => onChange(range)} />
      {!isDefaultFilters(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onReset}
          style={{ alignSelf: 'flex-end' }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
