import type { ReservoirHistoryResponse } from '@itb/contracts';
import { Box, Card, Group, SegmentedControl, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { useReservoirHistory } from '../api/get-reservoir-history';
import { chartFrame, type HistoryRange, spansMoreThanAYear, timeDomain } from '../lib/chart-frame';
import { DoseStepChart } from './dose-step-chart';
import { HistoryTables } from './history-tables';
import { ReservoirChart } from './reservoir-chart';

/** jsdom (and the first paint) measure 0: draw at a typical card width until the real one is known. */
const FALLBACK_WIDTH_PX = 720;
const RESERVOIR_HEIGHT_PX = 280;
const DOSE_HEIGHT_PX = 170;

const RANGES = [
  { value: 'all', label: 'Since implant' },
  { value: 'year', label: 'Last 12 months' },
];

function HistoryCharts({
  history,
  timeZone,
  range,
}: {
  history: ReservoirHistoryResponse;
  timeZone: string;
  range: HistoryRange;
}) {
  const { ref, width } = useElementSize();
  const chartWidth = width > 0 ? width : FALLBACK_WIDTH_PX;
  const domain = timeDomain(history, range);
  return (
    <Stack gap="lg" ref={ref}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Reservoir volume
        </Title>
        <ReservoirChart
          history={history}
          frame={chartFrame(chartWidth, RESERVOIR_HEIGHT_PX, domain, timeZone)}
          timeZone={timeZone}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Daily dose
        </Title>
        <DoseStepChart
          history={history}
          frame={chartFrame(chartWidth, DOSE_HEIGHT_PX, domain, timeZone)}
          timeZone={timeZone}
        />
      </Stack>
      <Text size="xs" c="dimmed">
        Dates in the clinic&apos;s time zone ({timeZone}). The projection assumes the dose in force, plus the full
        patient bolus allowance, until empty.
      </Text>
      <HistoryTables history={history} timeZone={timeZone} />
    </Stack>
  );
}

function HistorySkeleton() {
  return (
    <Stack role="status" gap="md">
      <VisuallyHidden>Loading the reservoir and dose history</VisuallyHidden>
      <Skeleton height={RESERVOIR_HEIGHT_PX} aria-hidden />
      <Skeleton height={DOSE_HEIGHT_PX} aria-hidden />
    </Stack>
  );
}

interface ReservoirHistorySectionProps {
  pumpId: string;
  timeZone: string;
}

/** The patient page's charts: the reservoir since implant and the daily dose, on one time axis. */
export function ReservoirHistorySection({ pumpId, timeZone }: ReservoirHistorySectionProps) {
  const query = useReservoirHistory(pumpId);
  const [range, setRange] = useState<HistoryRange>('all');
  const history = query.data;
  const canNarrow = history !== undefined && spansMoreThanAYear(history);

  return (
    <Card component="section" aria-labelledby="reservoir-history-title">
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={2} size="h3" id="reservoir-history-title">
          Reservoir and dose history
        </Title>
        {canNarrow && (
          <SegmentedControl
            size="xs"
            aria-label="Chart range"
            data={RANGES}
            value={range}
            onChange={(value) => setRange(value === 'year' ? 'year' : 'all')}
          />
        )}
      </Group>
      {query.isPending ? (
        <HistorySkeleton />
      ) : query.isError ? (
        <QueryError
          title="Could not load the reservoir history"
          error={query.error}
          onRetry={() => void query.refetch()}
          isRetrying={query.isRefetching}
        />
      ) : query.data.fillPoints.length === 0 ? (
        <Text c="dimmed" size="sm">
          No fills are recorded for this pump yet, so there is no history to chart.
        </Text>
      ) : (
        <Box aria-busy={query.isFetching}>
          <HistoryCharts history={query.data} timeZone={timeZone} range={canNarrow ? range : 'all'} />
        </Box>
      )}
    </Card>
  );
}
