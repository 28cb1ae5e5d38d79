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

export function ImplantPumpRoute() {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const clinicQuery = useClinic();
  const backToPatient = () => void navigate(paths.patient.getHref(patientId));

  if (!can(me, 'pump:implant')) {
    return <NotAllowed title="Implant pump" reason="Administrators can view pumps but not record them." />;
  }
  if (patientQuery.isPending || clinicQuery.isPending) return <PageLoader />;
  if (patientQuery.isError && isApiError(patientQuery.error) && patientQuery.error.isNotFound) {
    return <PatientNotFound />;
  }
  if (patientQuery.isError || clinicQuery.isError) {
    return (
      <>
        <PageHeader title="Implant pump" />
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
      title="Implant pump"
      documentTitle={`Implant pump · ${formatPatientName(patient)}`}
      description={`${formatPatientName(patient)} · MRN ${patient.mrn}`}
    />
  );
  if (patient.activePump) {
    return (
      <>
        {header}
        <Stack align="flex-start">
          <Alert color="clinic" variant="light" title="This patient already has an active pump">
            Serial number {patient.activePump.serialNumber}. A new pump is recorded after the current one is explanted.
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
        onImplanted={(pump) => {
          notifications.show({
            color: 'clinic',
            title: 'Pump recorded',
            message: `${pump.modelLabel}, serial ${pump.serialNumber}`,
          });
          backToPatient();
        }}
        onCancel={backToPatient}
      />
    </>
  );
}
