import { Chip, Fieldset, Group } from '@mantine/core';
import { ALL_KINDS, KIND_GROUP_LABELS, KIND_GROUP_ORDER, type KindGroup, nextKindGroups } from '../lib/timeline-kinds';

interface TimelineFiltersProps {
  /** The chosen kinds; empty for every kind. */
  groups: KindGroup[];
  onChange: (groups: KindGroup[]) => void;
}

/** Kind chips: checkboxes under one legend, so a keyboard and a screen reader use them as a list of options. */
export function TimelineFilters({ groups, onChange }: TimelineFiltersProps) {
  const value = groups.length === 0 ? [ALL_KINDS] : groups;
  return (
    <Fieldset legend="Show" variant="unstyled" mb="md">
      <Chip.Group multiple value={value} onChange={(chosen) => onChange(nextKindGroups(groups, chosen))}>
        <Group gap="xs" mt={4}>
          <Chip value={ALL_KINDS} size="sm">
            All
          </Chip>
          {KIND_GROUP_ORDER.map((group) => (
            <Chip key={group} value={group} size="sm">
              {KIND_GROUP_LABELS[group]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Fieldset>
  );
}
