import { Card, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { QueryError } from '../../components/ui/query-error';
import { usePatient } from '../../features/patients/api/get-patient';
import { PatientForm } from '../../features/patients/components/patient-form';
import { useUsers } from '../../features/users/api/get-users';
import { isApiError } from '../../lib/api-client';
import { can, useCurrentUser } from '../../lib/auth';
import { formatPatientName } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';
import { PatientNotFound } from './patient-not-found';

const TITLE = 'Edit patient';

/** The chart's own record: identity, cautions, interacting medicines, oral back-up, contacts and notes. */
export function EditPatientRoute() {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const specialists = useUsers({ role: 'specialist' });

  if (!can(me, 'patient:edit')) {
    return <NotAllowed title={TITLE} reason="Administrators can view patients but not change them." />;
  }
  if (patientQuery.isPending) {
    return (
      <Stack role="status" aria-busy aria-label="Loading patient">
        <Skeleton height={32} width="40%" />
        <Card>
          <Skeleton height={240} />
        </Card>
      </Stack>
    );
  }
  if (patientQuery.isError) {
    if (isApiError(patientQuery.error) && patientQuery.error.isNotFound) return <PatientNotFound />;
    return (
      <>
        <PageHeader title={TITLE} />
        <QueryError
          title="Could not load this patient"
          error={patientQuery.error}
          onRetry={() => void patientQuery.refetch()}
          isRetrying={patientQuery.isRefetching}
        />
      </>
    );
  }
  const patient = patientQuery.data;
  const back = () => void navigate(paths.patient.getHref(patient.id));
  return (
    <>
      <PageHeader
        title={TITLE}
        documentTitle={`${TITLE} · ${formatPatientName(patient)}`}
        description={`${formatPatientName(patient)} · fields marked * are required`}
      />
      {/* The form keeps what is typed and the version it opened on: its own save does not restart it. */}
      <PatientForm
        timeZone={me.clinic.timeZone}
        patient={patient}
        specialists={specialists.data?.items.filter((user) => user.isActive)}
        isLoadingSpecialists={specialists.isPending}
        onSaved={(saved) => {
          notifications.show({ color: 'clinic', title: 'Patient saved', message: formatPatientName(saved) });
          back();
        }}
        onCancel={back}
      />
    </>
  );
}
