import type { PumpResponse } from '@itb/contracts';
import { PUMP_CATALOGUE } from '@itb/domain';
import { Badge, Card, DataList, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatLocalDate, formatMcgPerDay, formatMcgPerMl, formatMl, formatMlPerDay } from '../../../lib/format';
import { PumpProjectionPanel } from './pump-projection-panel';
import { RefillIntervalCalculator } from './refill-interval-calculator';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const orNotRecorded = (value: string | null) =>
  value ?? (
    <Text span c="dimmed" size="sm">
      Not recorded
    </Text>
  );

/**
 * The interrogated ERI date, or the model's conservative estimate said to be one (issue 11 item 8): a
 * SynchroMed II battery lasts 5–7 years, so the estimate is at 5.
 */
function Replacement({ pump }: { pump: PumpResponse }) {
  const { replacement } = pump;
  if (!replacement) return orNotRecorded(null);
  if (!replacement.isEstimate) return <>{formatLocalDate(replacement.dueOn)} (from interrogation)</>;
  const years = PUMP_CATALOGUE[pump.model].eriEstimateYears;
  return (
    <>
      About {formatLocalDate(replacement.dueOn)}{' '}
      <Text span c="dimmed" size="sm">
        (estimate: {years} years from implant, the shortest typical battery life; interrogate to confirm)
      </Text>
    </>
  );
}

interface PumpCardProps {
  pump: PumpResponse;
  timeZone: string;
  today: string;
  dueSoonWindowDays: number;
  /** Buttons for what the user may record on this pump (refill, dose change). */
  actions?: ReactNode;
}

/** The active pump: what is implanted, what is in it, and when it must be refilled. */
export function PumpCard({ pump, timeZone, today, dueSoonWindowDays, actions }: PumpCardProps) {
  const fill = pump.currentFill;
  return (
    <Card component="section" aria-labelledby="pump-card-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h3" id="pump-card-title">
            Pump
          </Title>
          <Text fw={600}>{pump.modelLabel}</Text>
          <Text size="sm" c="dimmed">
            Serial number{' '}
            <Text span ff="monospace" c="var(--mantine-color-text)">
              {pump.serialNumber}
            </Text>
          </Text>
        </div>
        <Stack gap="sm" align="flex-end">
          <Badge variant="light" color={pump.status === 'active' ? 'clinic' : 'gray'}>
            {pump.status === 'active' ? 'Active' : 'Explanted'}
          </Badge>
          {actions && (
            <Group gap="xs" justify="flex-end">
              {actions}
            </Group>
          )}
        </Stack>
      </Group>

      {pump.projection ? (
        <PumpProjectionPanel
          projection={pump.projection}
          reservoirMl={pump.reservoirMl}
          alarmMl={pump.alarmMl}
          timeZone={timeZone}
          today={today}
          dueSoonWindowDays={dueSoonWindowDays}
        />
      ) : (
        <Text c="dimmed" size="sm" my="md">
          No fill is recorded, so there is no reservoir projection.
        </Text>
      )}

      <Divider my="md" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <DataList size="sm" orientation="horizontal" labelWidth={150}>
          <Item label="Implanted on">{formatLocalDate(pump.implantedOn)}</Item>
          <Item label="Reservoir">{formatMl(pump.reservoirMl)}</Item>
          <Item label="Alarm volume">{formatMl(pump.alarmMl)}</Item>
          <Item label="Catheter tip level">{orNotRecorded(pump.catheterTipLevel)}</Item>
          <Item label="ERI / replacement">
            <Replacement pump={pump} />
          </Item>
        </DataList>
        <DataList size="sm" orientation="horizontal" labelWidth={150}>
          <Item label="Concentration">{fill ? formatMcgPerMl(fill.concentrationMcgPerMl) : '—'}</Item>
          <Item label="Daily dose">
            {pump.currentDailyDoseMcg !== null ? formatMcgPerDay(pump.currentDailyDoseMcg) : '—'}
          </Item>
          <Item label="Daily volume">{pump.projection ? formatMlPerDay(pump.projection.dailyVolumeMl) : '—'}</Item>
          <Item label="Drug product">{fill?.drugProduct ?? '—'}</Item>
          <Item label="Lot">{fill ? `${fill.lotNumber} (expires ${formatLocalDate(fill.lotExpiresOn)})` : '—'}</Item>
        </DataList>
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <RefillIntervalCalculator pump={pump} />
      </Group>
    </Card>
  );
}
