import type { Projection } from '@itb/domain';
import { DataList, Text } from '@mantine/core';
import { formatDays, formatInstant, formatLocalDate, formatMl, formatMlPerDay } from '../../../../lib/format';
import { PreviewRow } from '../preview-row';

interface ProjectionAfterRefillProps {
  projection: Projection | null;
  alarmMl: number;
  hasBolusAllowance: boolean;
  timeZone: string;
}

/** The new fill's projection: when the alarm sounds, when the pump runs dry, when to refill. */
export function ProjectionAfterRefill({
  projection,
  alarmMl,
  hasBolusAllowance,
  timeZone,
}: ProjectionAfterRefillProps) {
  if (!projection) {
    return (
      <Text size="sm" c="dimmed">
        Enter the volume added, the concentration and the daily dose to see the new alarm and refill-by dates.
      </Text>
    );
  }
  const alarmIn = projection.daysToAlarm >= 0 ? ` (in ${formatDays(projection.daysToAlarm)})` : ' (already passed)';
  return (
    <DataList size="sm" orientation="horizontal" labelWidth={150}>
      <PreviewRow label="Daily volume" testId="preview-daily-volume">
        {formatMlPerDay(projection.dailyVolumeMl)}
        {hasBolusAllowance && (
          <Text span size="xs" c="dimmed">
            {' '}
            with the full bolus allowance
          </Text>
        )}
      </PreviewRow>
      <PreviewRow label={`Alarm (at ${formatMl(alarmMl)})`} testId="preview-alarm">
        {formatInstant(projection.alarmAt.toISOString(), timeZone)}
        <Text span size="xs" c="dimmed">
          {alarmIn}
        </Text>
      </PreviewRow>
      <PreviewRow label="Empty" testId="preview-empty">
        {formatInstant(projection.emptyAt.toISOString(), timeZone)}
      </PreviewRow>
      <PreviewRow label="Refill by" testId="preview-refill-by">
        <Text span inherit fw={700}>
          {formatLocalDate(projection.refillBy)}
        </Text>
        {projection.isRefillByStabilityCapped && (
          <Text span size="xs" c="dimmed">
            {' '}
            set by drug stability in the pump
          </Text>
        )}
      </PreviewRow>
    </DataList>
  );
}
