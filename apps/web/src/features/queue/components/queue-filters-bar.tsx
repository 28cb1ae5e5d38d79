import { FLAG_SEVERITIES, type FlagSeverity } from '@itb/domain';
import { Button, Group, NativeSelect, Switch } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import {
  DEFAULT_QUEUE_FILTERS,
  isDefaultQueueFilters,
  WINDOW_DAY_OPTIONS,
  type QueueFilters,
} from '../lib/queue-filters';

const SEVERITY_OPTIONS = [
  { value: '', label: 'Any, or none' },
  { value: 'moderate', label: 'Moderate or worse' },
  { value: 'high', label: 'High or worse' },
  { value: 'critical', label: 'Critical only' },
];

const isSeverity = (value: string): value is FlagSeverity => (FLAG_SEVERITIES as readonly string[]).includes(value);

interface QueueFiltersBarProps {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
  /** "My patients" needs the user to be somebody's primary specialist. */
  canFilterMine: boolean;
}

export function QueueFiltersBar({ filters, onChange, canFilterMine }: QueueFiltersBarProps) {
  const windowOptions = WINDOW_DAY_OPTIONS.map((days) => ({ value: String(days), label: `${days} days` }));
  // A remembered window that is no longer offered still shows as itself.
  if (!WINDOW_DAY_OPTIONS.some((days) => days === filters.withinDays)) {
    windowOptions.push({ value: String(filters.withinDays), label: `${filters.withinDays} days` });
  }
  return (
    <Group align="flex-end" gap="lg" wrap="wrap" className="no-print">
      <NativeSelect
        label="Refill by within"
        description="Overdue pumps always show"
        data={windowOptions}
        value={String(filters.withinDays)}
        onChange={(event) => onChange({ ...filters, withinDays: Number(event.currentTarget.value) })}
        w={180}
      />
      <NativeSelect
        label="Worst flag at least"
        description="Open or acknowledged flags"
        data={SEVERITY_OPTIONS}
        value={filters.minSeverity}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ ...filters, minSeverity: isSeverity(value) ? value : '' });
        }}
        w={200}
      />
      <Group gap="lg" pb={6}>
        <Switch
          label="Not booked only"
          checked={filters.unscheduledOnly}
          onChange={(event) => onChange({ ...filters, unscheduledOnly: event.currentTarget.checked })}
        />
        {canFilterMine && (
          <Switch
            label="My patients only"
            checked={filters.isMinePatientsOnly}
            onChange={(event) => onChange({ ...filters, isMinePatientsOnly: event.currentTarget.checked })}
          />
        )}
      </Group>
      {!isDefaultQueueFilters(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange(DEFAULT_QUEUE_FILTERS)}
          mb={2}
        >
          Reset filters
        </Button>
      )}
    </Group>
  );
}
