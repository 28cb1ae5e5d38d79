import { Card, EmptyState, Loader, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { usePatients } from '../api/get-patients';
import { PatientsTable, PatientsTableSkeleton } from './patients-table';

const SEARCH_DEBOUNCE_MS = 300;

/** The search text lives in the address (`?q=`), so Back returns to the same results. */
function useSearchText() {
  const [searchParams, setSearchParams] = useSearchParams();
  const committed = searchParams.get('q') ?? '';
  const [text, setText] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);

  const commit = useDebouncedCallback((value: string) => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value.trim()) next.set('q', value.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, SEARCH_DEBOUNCE_MS);

  // The address changed from outside (Back, the navigation link): show what it says.
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    if (committed !== text.trim()) setText(committed);
  }

  const onTextChange = (value: string) => {
    setText(value);
    commit(value);
  };

  return { text, onTextChange, q: committed };
}

interface PatientsListProps {
  getPatientHref: (patientId: string) => string;
}

export function PatientsList({ getPatientHref }: PatientsListProps) {
  const { text, onTextChange, q } = useSearchText();
  const patientsQuery = usePatients({ q });
  const patients = patientsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const isSearching = patientsQuery.isFetching && !patientsQuery.isFetchingNextPage && !patientsQuery.isPending;

  return (
    <Card>
      <TextInput
        label="Search patients"
        description="Family or given name, or MRN"
        type="search"
        value={text}
        onChange={(event) => onTextChange(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={isSearching ? <Loader size="xs" aria-hidden /> : null}
        maw={420}
        mb="md"
        autoComplete="off"
      />
      <ListStates
        query={patientsQuery}
        isEmpty={patients.length === 0}
        loading={<PatientsTableSkeleton />}
        errorTitle="Could not load patients"
        empty={
          q ? (
            <EmptyState
              icon={<IconUserSearch aria-hidden />}
              withIndicatorBackground
              title={`No patients match “${q}”`}
              description="Check the spelling, or search by MRN."
              py="xl"
            />
          ) : (
            <EmptyState
              icon={<IconUsers aria-hidden />}
              withIndicatorBackground
              title="No patients yet"
              description="Patients added to the clinic appear here."
              py="xl"
            />
          )
        }
      >
        <PatientsTable patients={patients} getPatientHref={getPatientHref} />
        <LoadMoreFooter
          query={patientsQuery}
          summary={`Showing ${patients.length} ${patients.length === 1 ? 'patient' : 'patients'}`}
          noun="patients"
        />
      </ListStates>
    </Card>
  );
}
