import type { PatientSummary } from '@itb/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { getPatients } from '../api/get-patients';

const optionLabel = (p: PatientSummary) => `${p.familyName}, ${p.givenName} · ${p.mrn}`;

interface PatientPickerProps {
  onPick: (patient: PatientSummary) => void;
  error?: string;
}

/** Find an active patient by name or MRN, searched on the server as the user types. */
export function PatientPicker({ onPick, error }: PatientPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = useQuery({
    queryKey: queryKeys.patients.picker(q),
    queryFn: ({ signal }) => getPatients({ q, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    select: (page) => page.items.filter((p) => p.status === 'active'),
  });
  const patients = q.length >= 2 ? (query.data ?? []) : [];
  return (
    <Select
      label="Patient"
      withAsterisk
      placeholder="Type a name or MRN"
      description="Active patients of this clinic"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched the search; the list shows what it answered.
      filter={({ options }) => options}
      data={patients.map((p) => ({ value: p.id, label: optionLabel(p) }))}
      nothingFoundMessage={
        q.length < 2 ? 'Type at least 2 letters' : query.isFetching ? 'Searching…' : 'No active patient matches'
      }
      error={error}
      data-autofocus
      onChange={(id) => {
        const patient = patients.find((p) => p.id === id);
        if (patient) onPick(patient);
      }}
    />
  );
}
