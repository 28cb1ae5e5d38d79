import { Button, Card, EmptyState, Group, Loader, Text } from '@mantine/core';
import { IconFilterSearch, IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { useAuditEvents } from '../api/get-audit-events';
import { isDefaultFilters } from '../lib/audit-filters';
import { useAuditFilters } from '../lib/use-audit-filters';
import { AuditEventsTable, AuditEventsTableSkeleton } from './audit-events-table';
import { AuditFiltersBar, type AuditActor } from './audit-filters-bar';
import type { PatientSearch } from './patient-filter-select';

interface AuditViewerProps {
  timeZone: string;
  /** The clinic's users for the user filter; undefined while they load. */
  actors: AuditActor[] | undefined;
  patientSearch: PatientSearch;
  getPatientHref: (patientId: string) => string;
}

function NoEvents({ isFiltered, onReset }: { isFiltered: boolean; onReset: () => void }) {
  if (isFiltered) {
    return (
      <EmptyState
        icon={<IconFilterSearch aria-hidden />}
        withIndicatorBackground
        title="No events match these filters"
        description="Try another user, patient, record, action or date range."
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onReset}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconHistory aria-hidden />}
      withIndicatorBackground
      title="No audit events yet"
      description="Every change to a record, every chart opened and every sign-in is recorded here."
      py="xl"
    />
  );
}

/** The clinic's audit log: filters kept in the address, newest first, keyset "Load more" paging. */
export function AuditViewer({ timeZone, actors, patientSearch, getPatientHref }: AuditViewerProps) {
  const { filters, changeFilters, resetFilters } = useAuditFilters();
  const eventsQuery = useAuditEvents(filters);
  const events = eventsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltering = eventsQuery.isFetching && !eventsQuery.isFetchingNextPage && !eventsQuery.isPending;
  // A link opened cold names its user and patient by id only: the events shown carry their names.
  const knownNames = {
    actor: events.find((event) => event.actorId === filters.actorId)?.actorName ?? undefined,
    patient: events.find((event) => event.patientId === filters.patientId)?.patientName ?? undefined,
  };

  let body: ReactNode;
  if (eventsQuery.isPending) {
    body = <AuditEventsTableSkeleton />;
  } else if (eventsQuery.isError && events.length === 0) {
    body = (
      <QueryError
        title="Could not load the audit log"
        error={eventsQuery.error}
        onRetry={() => void eventsQuery.refetch()}
        isRetrying={eventsQuery.isRefetching}
      />
    );
  } else if (events.length === 0) {
    body = <NoEvents isFiltered={!isDefaultFilters(filters)} onReset={resetFilters} />;
  } else {
    body = (
      <>
        <AuditEventsTable events={events} timeZone={timeZone} getPatientHref={getPatientHref} />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {events.length} {events.length === 1 ? 'event' : 'events'}, newest first
          </Text>
          {eventsQuery.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void eventsQuery.fetchNextPage()}
              loading={eventsQuery.isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </Group>
        {eventsQuery.isFetchNextPageError && (
          <QueryError
            title="Could not load more events"
            error={eventsQuery.error}
            onRetry={() => void eventsQuery.fetchNextPage()}
          />
        )}
      </>
    );
  }

  return (
    <Card>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <AuditFiltersBar
          filters={filters}
          onChange={changeFilters}
          onReset={resetFilters}
          actors={actors}
          patientSearch={patientSearch}
          knownNames={knownNames}
        />
        {isFiltering && <Loader size="sm" aria-label="Updating the list" mt="xl" />}
      </Group>
      {body}
    </Card>
  );
}
