import { Button } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PatientsList } from '../../features/patients/components/patients-list';
import { can, useCurrentUser } from '../../lib/auth';
import { paths } from '../paths';

export function PatientsRoute() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const addPatient = can(me, 'patient:create') ? (
    <Button
      leftSection={<IconUserPlus size={16} aria-hidden />}
      onClick={() => void navigate(paths.newPatient.getHref())}
    >
      Add patient
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Patients"
        description={
          me.role === 'admin' ? `${me.clinic.name} · read only` : `Everyone with a pump at ${me.clinic.name}`
        }
        actions={addPatient}
      />
      <PatientsList getPatientHref={paths.patient.getHref} />
    </>
  );
}
