import { Button, Group, NativeSelect } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { FlagListParams } from '../../../lib/query-keys';
import { CODE_OPTIONS, isDefaultFilters, SEVERITY_OPTIONS, STATUS_OPTIONS } from '../lib/flag-filters';

interface FlagFiltersProps {
  filters: FlagListParams;
  onChange: (change: Partial<FlagListParams>) => void;
  onReset: () => void;
}

/** Status, severity and rule: native selects, so they work the same with a keyboard and a screen reader. */
export function FlagFilters({ filters, onChange, onReset }: FlagFiltersProps) {
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap">
      <NativeSelect
        label="Status"
        data={STATUS_OPTIONS}
        value={filters.status}
        onChange={(event) => onChange({ status: event.currentTarget.value })}
        w={260}
      />
      <NativeSelect
        label="Severity"
        data={SEVERITY_OPTIONS}
        value={filters.severity}
        onChange={(event) => onChange({ severity: event.currentTarget.value })}
        w={200}
      />
      <NativeSelect
        label="Rule"
        data={CODE_OPTIONS}
        value={filters.code}
        onChange={(event) => onChange({ code: event.currentTarget.value })}
        w={260}
      />
      {!isDefaultFilters(filters) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onReset}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
