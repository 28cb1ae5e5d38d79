import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PatientForm } from '../../features/patients/components/patient-form';
import { useUsers } from '../../features/users/api/get-users';
import { can, useCurrentUser } from '../../lib/auth';
import { formatPatientName } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';

export function NewPatientRoute() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isAllowed = can(me, 'patient:create');
  const specialists = useUsers({ role: 'specialist' });

  if (!isAllowed) {
    return <NotAllowed title="Add patient" reason="Administrators can view patients but not add them." />;
  }
  return (
    <>
      <PageHeader title="Add patient" description="Fields marked * are required." />
      <PatientForm
        timeZone={me.clinic.timeZone}
        specialists={specialists.data?.items.filter((user) => user.isActive)}
        isLoadingSpecialists={specialists.isPending}
        defaultPrimarySpecialistId={me.role === 'specialist' ? me.id : null}
        onSaved={(patient) => {
          notifications.show({ color: 'clinic', title: 'Patient added', message: formatPatientName(patient) });
          void navigate(paths.patient.getHref(patient.id));
        }}
        onCancel={() => void navigate(paths.patients.getHref())}
      />
    </>
  );
}
