import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OverdueReportParams } from '../../../lib/query-keys';

interface ReportPeriodPickerProps {
  /** The period the report shows (the server's, when none was chosen). */
  shown: OverdueReportParams;
  isDefault: boolean;
  onChange: (period: OverdueReportParams) => void;
}

/** From and to, inclusive clinic dates; "Last 12 months" returns to the server's default period. */
export function ReportPeriodPicker({ shown, isDefault, onChange }: ReportPeriodPickerProps) {
  const [from, setFrom] = useState(shown.from);
  const [to, setTo] = useState(shown.to);
  const [lastShown, setLastShown] = useState(shown);
  // The report answered with another period (first load, Back): the inputs follow it.
  if (shown.from !== lastShown.from || shown.to !== lastShown.to) {
    setLastShown(shown);
    setFrom(shown.from);
    setTo(shown.to);
  }
  const isBackwards = Boolean(from && to && from > to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to || isBackwards) return;
    onChange({ from, to });
  };

  return (
    <form onSubmit={submit} aria-label="Report period" className="no-print">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
        <TextInput
          type="date"
          label="To"
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={isBackwards ? 'Must not be before From' : undefined}
          w={170}
        />
        <Button type="submit" variant="default" disabled={!from || !to || isBackwards}>
          Show period
        </Button>
        {!isDefault && (
          <Button variant="subtle" onClick={() => onChange({ from: '', to: '' })}>
            Last 12 months
          </Button>
        )}
      </Group>
    </form>
  );
}
