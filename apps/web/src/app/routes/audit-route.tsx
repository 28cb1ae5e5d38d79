import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { AuditViewer } from '../../features/audit/components/audit-viewer';
import type { PatientSearch } from '../../features/audit/components/patient-filter-select';
import { usePatients } from '../../features/patients/api/get-patients';
import { useUsers } from '../../features/users/api/get-users';
import { can, useCurrentUser } from '../../lib/auth';
import { formatPatientName, timeZoneAbbreviation } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';

const PATIENT_SEARCH_DEBOUNCE_MS = 300;

/** The patient filter searches the clinic's patients as the administrator types (name or MRN). */
function usePatientSearch(): PatientSearch {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), PATIENT_SEARCH_DEBOUNCE_MS);
  const patientsQuery = usePatients({ q });
  const options = (patientsQuery.data?.pages[0]?.items ?? []).map((patient) => ({
    value: patient.id,
    label: `${formatPatientName(patient)} · ${patient.mrn}`,
  }));
  return { options, isSearching: patientsQuery.isFetching || text.trim() !== q, onSearch: setText };
}

function AuditLog({ timeZone }: { timeZone: string }) {
  const usersQuery = useUsers();
  const patientSearch = usePatientSearch();
  return (
    <AuditViewer
      timeZone={timeZone}
      actors={usersQuery.data?.items}
      patientSearch={patientSearch}
      getPatientHref={paths.patient.getHref}
    />
  );
}

/** Who changed what and when, for administrators: every change with its before and after. */
export function AuditRoute() {
  const me = useCurrentUser();
  if (!can(me, 'audit:view')) {
    return <NotAllowed title="Audit log" reason="Only administrators read the audit log." />;
  }
  const timeZone = me.clinic.timeZone;
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`${me.clinic.name} · every change, chart opened and sign-in, newest first · times in ${timeZoneAbbreviation(new Date(), timeZone)} (${timeZone})`}
      />
      <AuditLog timeZone={timeZone} />
    </>
  );
}
