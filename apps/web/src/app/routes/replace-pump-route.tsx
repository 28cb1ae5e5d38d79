import { Alert, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { usePatient } from '../../features/patients/api/get-patient';
import { ImplantPumpForm } from '../../features/pumps/components/implant-pump-form';
import { isApiError } from '../../lib/api-client';
import { can, useCurrentUser } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { formatPatientName } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';
import { PatientNotFound } from './patient-not-found';

/** A pump replacement in one guided step: the current pump's explant, then the new pump and its first fill. */
export function ReplacePumpRoute() {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const clinicQuery = useClinic();
  const backToPatient = () => void navigate(paths.patient.getHref(patientId));

  if (!can(me, 'pump:manage')) {
    return <NotAllowed title="Replace pump" reason="A pump is replaced by a specialist." />;
  }
  if (patientQuery.isPending || clinicQuery.isPending) return <PageLoader />;
  if (patientQuery.isError && isApiError(patientQuery.error) && patientQuery.error.isNotFound) {
    return <PatientNotFound />;
  }
  if (patientQuery.isError || clinicQuery.isError) {
    return (
      <>
        <PageHeader title="Replace pump" />
        <QueryError
          error={patientQuery.error ?? clinicQuery.error}
          onRetry={() => {
            void patientQuery.refetch();
            void clinicQuery.refetch();
          }}
        />
      </>
    );
  }

  const patient = patientQuery.data;
  const header = (
    <PageHeader
      title="Replace pump"
      documentTitle={`Replace pump · ${formatPatientName(patient)}`}
      description={`${formatPatientName(patient)} · MRN ${patient.mrn}`}
    />
  );
  if (!patient.activePump) {
    return (
      <>
        {header}
        <Stack align="flex-start">
          <Alert color="clinic" variant="light" title="This patient has no active pump to replace">
            Record the new pump as an implant instead.
          </Alert>
          <Button variant="default" onClick={backToPatient}>
            Back to patient
          </Button>
        </Stack>
      </>
    );
  }
  return (
    <>
      {header}
      <ImplantPumpForm
        patientId={patient.id}
        clinic={clinicQuery.data}
        replacing={patient.activePump}
        onImplanted={(pump) => {
          notifications.show({
            color: 'clinic',
            title: 'Pump replaced',
            message: `${pump.modelLabel}, serial ${pump.serialNumber}; the old pump is kept in the history`,
          });
          backToPatient();
        }}
        onCancel={backToPatient}
      />
    </>
  );
}
