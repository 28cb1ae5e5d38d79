import { Card, Group, Loader } from '@mantine/core';
import { IconFilterSearch, IconHistory } from '@tabler/icons-react';
import { ListEmptyState } from '../../../components/ui/list-empty-state';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
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
      <ListStates
        query={eventsQuery}
        isEmpty={events.length === 0}
        loading={<AuditEventsTableSkeleton />}
        errorTitle="Could not load the audit log"
        empty={
          <ListEmptyState
            isFiltered={!isDefaultFilters(filters)}
            onReset={resetFilters}
            filtered={{
              icon: <IconFilterSearch aria-hidden />,
              title: 'No events match these filters',
              description: 'Try another user, patient, record, action or date range.',
            }}
            empty={{
              icon: <IconHistory aria-hidden />,
              title: 'No audit events yet',
              description: 'Every change to a record, every chart opened and every sign-in is recorded here.',
            }}
          />
        }
      >
        <AuditEventsTable events={events} timeZone={timeZone} getPatientHref={getPatientHref} />
        <LoadMoreFooter
          query={eventsQuery}
          summary={`Showing ${events.length} ${events.length === 1 ? 'event' : 'events'}, newest first`}
          noun="events"
        />
      </ListStates>
    </Card>
  );
}
