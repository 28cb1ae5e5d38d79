import type { ProjectionResponse } from '@itb/contracts';
import { Box, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDays, formatInstant, formatLocalDate, formatMl, formatPercent } from '../../../lib/format';
import { refillStatus, reservoirPercent } from '../lib/refill-status';
import { RefillByBadge } from './refill-by-badge';

interface FigureProps {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
  size?: 'md' | 'lg';
}

function Figure({ label, children, hint, size = 'lg' }: FigureProps) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} lts={0.4}>
        {label}
      </Text>
      <Box fz={size} fw={650}>
        {children}
      </Box>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

const URGENCY_TEXT_COLOR = { overdue: 'red.9', due_soon: 'orange.9', ok: undefined } as const;

interface PumpProjectionPanelProps {
  projection: ProjectionResponse;
  reservoirMl: number;
  alarmMl: number;
  timeZone: string;
  today: string;
  dueSoonWindowDays: number;
}

/** Reservoir now and the dates that follow from it: alarm, refill-by, empty. */
export function PumpProjectionPanel({
  projection,
  reservoirMl,
  alarmMl,
  timeZone,
  today,
  dueSoonWindowDays,
}: PumpProjectionPanelProps) {
  const percent = reservoirPercent(projection.volumeNowMl, reservoirMl);
  const isAtAlarm = projection.volumeNowMl <= alarmMl;
  const refill = refillStatus(projection.refillBy, today, dueSoonWindowDays);
  const gaugeText =
    `Volume now ${formatMl(projection.volumeNowMl)}, ${formatPercent(percent)} of the ${formatMl(reservoirMl)} reservoir; ` +
    `the alarm sounds at ${formatMl(alarmMl)}`;

  return (
    <Group align="center" gap="xl" wrap="wrap" mt="md">
      <Figure label="Volume now" hint={`of ${formatMl(reservoirMl)} reservoir`}>
        <Box role="img" aria-label={gaugeText} data-testid="reservoir-gauge" w="fit-content">
          <RingProgress
            size={144}
            thickness={13}
            roundCaps
            sections={[{ value: percent, color: isAtAlarm ? 'red.9' : 'clinic' }]}
            label={
              <Stack gap={0} align="center" aria-hidden>
                <Text fw={700} size="md" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
                  {formatMl(projection.volumeNowMl)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatPercent(percent)} full
                </Text>
              </Stack>
            }
          />
        </Box>
      </Figure>

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg" verticalSpacing="md" style={{ flex: 1, minWidth: 300 }}>
        <Figure label="Days to alarm" hint={`Alarm sounds at ${formatMl(alarmMl)}`}>
          <Text span inherit c={projection.daysToAlarm < 0 ? 'red.9' : undefined}>
            {projection.daysToAlarm < 0 ? 'Alarm reached' : formatDays(projection.daysToAlarm)}
          </Text>
        </Figure>
        <Figure
          label="Refill by"
          hint={projection.isRefillByStabilityCapped ? 'Set by drug stability in the pump' : undefined}
        >
          <Group gap="xs" align="center">
            <Text span inherit c={URGENCY_TEXT_COLOR[refill.urgency]}>
              {formatLocalDate(projection.refillBy)}
            </Text>
            <RefillByBadge status={refill} />
          </Group>
        </Figure>
        <Figure label="Alarm date" size="md">
          {formatInstant(projection.alarmAt, timeZone)}
        </Figure>
        <Figure label="Empty (projected)" size="md">
          {formatInstant(projection.emptyAt, timeZone)}
        </Figure>
      </SimpleGrid>
    </Group>
  );
}
