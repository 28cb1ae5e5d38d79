import { Loader, Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useState } from 'react';

/** The patient search the page provides: matches for the text typed (`GET /api/patients?q=`). */
export interface PatientSearch {
  options: ComboboxItem[];
  isSearching: boolean;
  onSearch: (text: string) => void;
}

interface PatientFilterSelectProps {
  patientId: string;
  onChange: (patientId: string) => void;
  search: PatientSearch;
  /** The chosen patient's name when known from elsewhere (the events shown), for a link opened cold. */
  knownLabel?: string;
}

/** Matching is the server's (name or MRN): the options are shown as they come, never filtered again here. */
const keepServerOrder: OptionsFilter = ({ options }) => options;

/** A patient to filter by, found by typing a name or MRN. */
export function PatientFilterSelect({ patientId, onChange, search, knownLabel }: PatientFilterSelectProps) {
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [text, setText] = useState('');
  const selected: ComboboxItem | null = patientId
    ? {
        value: patientId,
        label: chosen?.value === patientId ? chosen.label : (knownLabel ?? 'Selected patient'),
      }
    : null;
  const data = selected
    ? [selected, ...search.options.filter((option) => option.value !== selected.value)]
    : search.options;

  const onSearchChange = (value: string) => {
    setText(value);
    // Choosing an option writes its label into the box: that is not a new search.
    if (value !== selected?.label) search.onSearch(value);
  };

  return (
    <Select
      label="Patient"
      placeholder="Any patient"
      description="Type a name or MRN"
      searchable
      clearable
      data={data}
      value={patientId || null}
      searchValue={text}
      onSearchChange={onSearchChange}
      filter={keepServerOrder}
      onChange={(value, option) => {
        setChosen(option);
        onChange(value ?? '');
      }}
      nothingFoundMessage={search.isSearching ? 'Searching…' : 'No patients match'}
      rightSection={search.isSearching ? <Loader size="xs" aria-hidden /> : undefined}
      clearButtonProps={{ 'aria-label': 'Clear patient' }}
      w={260}
    />
  );
}
