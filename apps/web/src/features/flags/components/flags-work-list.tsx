import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Button, Card, EmptyState, Group, Loader, Text } from '@mantine/core';
import { IconFilterSearch, IconShieldCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { useFlags } from '../api/get-flags';
import { isDefaultFilters } from '../lib/flag-filters';
import { useFlagFilters } from '../lib/use-flag-filters';
import { AcknowledgeFlagModal } from './acknowledge-flag-modal';
import { FlagFilters } from './flag-filters';
import { FlagsTable, FlagsTableSkeleton } from './flags-table';
import { ResolveFlagModal } from './resolve-flag-modal';

interface FlagsWorkListProps {
  me: Pick<MeResponse, 'role'>;
  timeZone: string;
  getPatientHref: (patientId: string) => string;
}

function NoFlags({ isFiltered, onReset }: { isFiltered: boolean; onReset: () => void }) {
  if (isFiltered) {
    return (
      <EmptyState
        icon={<IconFilterSearch aria-hidden />}
        withIndicatorBackground
        title="No flags match these filters"
        description="Try another status, severity or rule."
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
      icon={<IconShieldCheck aria-hidden />}
      withIndicatorBackground
      title="No open flags"
      description="Nothing needs attention. Flags appear here when a rule finds a withdrawal risk or a clinician reports clinical signs."
      py="xl"
    />
  );
}

/** Every flag in the clinic, most severe first then newest, with keyset "Load more" paging. */
export function FlagsWorkList({ me, timeZone, getPatientHref }: FlagsWorkListProps) {
  const { filters, changeFilters, resetFilters } = useFlagFilters();
  const flagsQuery = useFlags(filters);
  const [acknowledging, setAcknowledging] = useState<FlagResponse | null>(null);
  const [resolving, setResolving] = useState<FlagResponse | null>(null);
  const flags = flagsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltering = flagsQuery.isFetching && !flagsQuery.isFetchingNextPage && !flagsQuery.isPending;

  let body: ReactNode;
  if (flagsQuery.isPending) {
    body = <FlagsTableSkeleton />;
  } else if (flagsQuery.isError && flags.length === 0) {
    body = (
      <QueryError
        title="Could not load flags"
        error={flagsQuery.error}
        onRetry={() => void flagsQuery.refetch()}
        isRetrying={flagsQuery.isRefetching}
      />
    );
  } else if (flags.length === 0) {
    body = <NoFlags isFiltered={!isDefaultFilters(filters)} onReset={resetFilters} />;
  } else {
    body = (
      <>
        <FlagsTable
          flags={flags}
          me={me}
          timeZone={timeZone}
          getPatientHref={getPatientHref}
          onAcknowledge={setAcknowledging}
          onResolve={setResolving}
        />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {flags.length} {flags.length === 1 ? 'flag' : 'flags'}, most severe first
          </Text>
          {flagsQuery.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void flagsQuery.fetchNextPage()}
              loading={flagsQuery.isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </Group>
        {flagsQuery.isFetchNextPageError && (
          <QueryError
            title="Could not load more flags"
            error={flagsQuery.error}
            onRetry={() => void flagsQuery.fetchNextPage()}
          />
        )}
      </>
    );
  }

  return (
    <Card>
      <Group justify="space-between" align="flex-start">
        <FlagFilters filters={filters} onChange={changeFilters} onReset={resetFilters} />
        {isFiltering && <Loader size="sm" aria-label="Updating the list" mt="xl" />}
      </Group>
      {body}
      <AcknowledgeFlagModal flag={acknowledging} onClose={() => setAcknowledging(null)} />
      <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
