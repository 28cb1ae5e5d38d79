import { Card, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff, IconHistory } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { QueryError } from '../../../components/ui/query-error';
import { useTimeline } from '../api/get-timeline';
import { kindParam, type KindGroup } from '../lib/timeline-kinds';
import { TimelineEntry } from './timeline-entry';
import { TimelineFilters } from './timeline-filters';
import classes from './timeline.module.css';

function TimelineSkeleton() {
  return (
    <Stack role="status" aria-busy aria-label="Loading history" gap="lg">
      {Array.from({ length: 4 }, (_, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" aria-hidden>
          <Skeleton circle height={34} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={14} width="70%" />
            <Skeleton height={10} width="40%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

interface PatientTimelineProps {
  patientId: string;
  /** The clinic's zone: every time is shown on the clinic's clock. */
  timeZone: string;
  /** Where a refill's printable record is, for the roles that may open it; no link without it. */
  fillWorksheetHref?: (fillId: string) => string;
}

/** The patient page's "History": fills, dose changes, pump events, appointments and flags, newest first. */
export function PatientTimeline({ patientId, timeZone, fillWorksheetHref }: PatientTimelineProps) {
  const titleId = useId();
  const [groups, setGroups] = useState<KindGroup[]>([]);
  const timelineQuery = useTimeline(patientId, { kind: kindParam(groups) });
  const items = timelineQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = groups.length > 0;
  const shownText = `Showing ${items.length} ${items.length === 1 ? 'entry' : 'entries'}`;

  return (
    <Card component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id={titleId}>
          History
        </Title>
        <Text size="xs" c="dimmed">
          Newest first · times in {timeZone}
        </Text>
      </Group>
      <TimelineFilters groups={groups} onChange={setGroups} />
      <ListStates
        query={timelineQuery}
        isEmpty={items.length === 0}
        loading={<TimelineSkeleton />}
        errorTitle="Could not load the history"
        empty={
          isFiltered ? (
            <EmptyState
              icon={<IconFilterOff aria-hidden />}
              withIndicatorBackground
              title="Nothing of these kinds"
              description="Nothing of the kinds chosen is recorded for this patient. Choose other kinds, or All."
              py="lg"
            />
          ) : (
            <EmptyState
              icon={<IconHistory aria-hidden />}
              withIndicatorBackground
              title="Nothing recorded yet"
              description="Fills, dose changes, pump events, appointments and flags appear here as they are recorded."
              py="lg"
            />
          )
        }
      >
        <ol
          className={classes.list}
          aria-labelledby={titleId}
          aria-busy={timelineQuery.isPlaceholderData}
          style={{ opacity: timelineQuery.isPlaceholderData ? 0.6 : 1 }}
        >
          {items.map((item) => (
            <TimelineEntry
              key={`${item.kind}:${item.id}`}
              item={item}
              timeZone={timeZone}
              worksheetHref={
                // A first fill withdrew nothing: only refills have a record of what was found.
                fillWorksheetHref && item.kind === 'fill' && item.details.isInitial !== true
                  ? fillWorksheetHref(item.id)
                  : undefined
              }
            />
          ))}
        </ol>
        <LoadMoreFooter
          query={timelineQuery}
          summary={timelineQuery.hasNextPage ? shownText : `${shownText}, back to the first record`}
          noun="of the history"
          mt={0}
        />
        {timelineQuery.isRefetchError && (
          <QueryError
            title="Could not refresh the history"
            error={timelineQuery.error}
            onRetry={() => void timelineQuery.refetch()}
            isRetrying={timelineQuery.isRefetching}
          />
        )}
      </ListStates>
    </Card>
  );
}
