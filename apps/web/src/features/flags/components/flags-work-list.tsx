import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Button, Card, Group, Loader, Text } from '@mantine/core';
import { IconChecks, IconFilterSearch, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ListEmptyState } from '../../../components/ui/list-empty-state';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { useFlags } from '../api/get-flags';
import { isDefaultFilters } from '../lib/flag-filters';
import { useFlagFilters } from '../lib/use-flag-filters';
import { can } from '../../../lib/auth';
import { AcknowledgeFlagModal } from './acknowledge-flag-modal';
import { AcknowledgeFlagsModal } from './acknowledge-flags-modal';
import { FlagFilters } from './flag-filters';
import { FlagsTable, FlagsTableSkeleton } from './flags-table';
import { ResolveFlagModal } from './resolve-flag-modal';

interface FlagsWorkListProps {
  me: Pick<MeResponse, 'role'>;
  timeZone: string;
  getPatientHref: (patientId: string) => string;
}

/** Every flag in the clinic, most severe first then newest, with keyset "Load more" paging. */
export function FlagsWorkList({ me, timeZone, getPatientHref }: FlagsWorkListProps) {
  const { filters, changeFilters, resetFilters } = useFlagFilters();
  const flagsQuery = useFlags(filters);
  const [acknowledging, setAcknowledging] = useState<FlagResponse | null>(null);
  const [resolving, setResolving] = useState<FlagResponse | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isAcknowledgingMany, setIsAcknowledgingMany] = useState(false);
  const flags = flagsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  // Only what is still open and on screen counts: a flag acted on meanwhile drops out of the selection.
  const selectedFlags = flags.filter((flag) => selected.has(flag.id) && flag.status === 'open');
  const canAcknowledge = can(me, 'flag:acknowledge');
  const toggle = (flag: FlagResponse) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(flag.id)) next.add(flag.id);
      return next;
    });
  const isFiltering = flagsQuery.isFetching && !flagsQuery.isFetchingNextPage && !flagsQuery.isPending;

  return (
    <Card>
      <Group justify="space-between" align="flex-start">
        <FlagFilters filters={filters} onChange={changeFilters} onReset={resetFilters} />
        {isFiltering && <Loader size="sm" aria-label="Updating the list" mt="xl" />}
      </Group>
      <ListStates
        query={flagsQuery}
        isEmpty={flags.length === 0}
        loading={<FlagsTableSkeleton />}
        errorTitle="Could not load flags"
        empty={
          <ListEmptyState
            isFiltered={!isDefaultFilters(filters)}
            onReset={resetFilters}
            filtered={{
              icon: <IconFilterSearch aria-hidden />,
              title: 'No flags match these filters',
              description: 'Try another status, severity or rule.',
            }}
            empty={{
              icon: <IconShieldCheck aria-hidden />,
              title: 'No open flags',
              description:
                'Nothing needs attention. Flags appear here when a rule finds a withdrawal risk or a clinician reports clinical signs.',
            }}
          />
        }
      >
        {canAcknowledge && (
          <Group justify="space-between" mb="xs" mt="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {selectedFlags.length === 0
                ? 'Tick open flags to acknowledge several with one note.'
                : `${selectedFlags.length} selected`}
            </Text>
            <Button
              size="xs"
              leftSection={<IconChecks size={14} aria-hidden />}
              disabled={selectedFlags.length === 0}
              onClick={() => setIsAcknowledgingMany(true)}
            >
              Acknowledge selected
            </Button>
          </Group>
        )}
        <FlagsTable
          flags={flags}
          selection={canAcknowledge ? { ids: selected, onToggle: toggle } : undefined}
          me={me}
          timeZone={timeZone}
          getPatientHref={getPatientHref}
          onAcknowledge={setAcknowledging}
          onResolve={setResolving}
        />
        <LoadMoreFooter
          query={flagsQuery}
          summary={`Showing ${flags.length} ${flags.length === 1 ? 'flag' : 'flags'}, most severe first`}
          noun="flags"
        />
      </ListStates>
      <AcknowledgeFlagModal flag={acknowledging} onClose={() => setAcknowledging(null)} />
      <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} />
      <AcknowledgeFlagsModal
        flags={selectedFlags}
        opened={isAcknowledgingMany}
        onClose={(acknowledged) => {
          setIsAcknowledgingMany(false);
          if (acknowledged) setSelected(new Set());
        }}
      />
    </Card>
  );
}
