import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OverdueReportParams } from '../../../lib/query-keys';
import {
  customPeriodErrors,
  PERIOD_PRESET_LABELS,
  PERIOD_PRESETS,
  presetOf,
  presetPeriod,
  type PeriodPreset,
} from '../lib/report-period';

interface ReportPeriodPickerProps {
  /** The chosen period, as the address holds it ('' for the server's twelve months). */
  period: OverdueReportParams;
  /** The period the report shows, to start a custom range from. */
  shown: OverdueReportParams;
  /** The clinic's today, `YYYY-MM-DD` in its zone: presets are clinic months. */
  today: string;
  onChange: (period: OverdueReportParams) => void;
}

/** A preset period, or a custom range of clinic dates (inclusive) checked before it is asked for. */
export function ReportPeriodPicker({ period, shown, today, onChange }: ReportPeriodPickerProps) {
  const [preset, setPreset] = useState<PeriodPreset>(() => presetOf(period, today));
  const [draft, setDraft] = useState<OverdueReportParams>(shown);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [lastPeriod, setLastPeriod] = useState(period);
  // The address changed under the picker (Back, a link): it follows.
  if (period.from !== lastPeriod.from || period.to !== lastPeriod.to) {
    setLastPeriod(period);
    setPreset(presetOf(period, today));
    setDraft(period.from ? period : shown);
    setIsSubmitted(false);
  }
  const errors = customPeriodErrors(draft);
  const showErrors = isSubmitted || Boolean(draft.from && draft.to);

  const choose = (next: PeriodPreset) => {
    setPreset(next);
    setIsSubmitted(false);
    if (next === 'custom') {
      setDraft(shown);
      return;
    }
    onChange(presetPeriod(next, today));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (errors.from || errors.to) return;
    onChange(draft);
  };

  return (
    <form onSubmit={submit} aria-label="Report period" className="no-print" noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label="Period"
          value={preset}
          onChange={(event) => choose(event.currentTarget.value as PeriodPreset)}
          data={PERIOD_PRESETS.map((value) => ({ value, label: PERIOD_PRESET_LABELS[value] }))}
          w={170}
        />
        {preset === 'custom' && (
          <>
            <TextInput
              type="date"
              label="From"
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
              error={showErrors ? errors.from : undefined}
              w={160}
            />
            <TextInput
              type="date"
              label="To"
              value={draft.to}
              min={draft.from || undefined}
              onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
              error={showErrors ? errors.to : undefined}
              w={160}
            />
            <Button type="submit" variant="default" mt={25}>
              Show period
            </Button>
          </>
        )}
      </Group>
    </form>
  );
}
