import type { ClinicResponse, PatientResponse } from '@itb/contracts';
import { Alert, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { usePatient } from '../../features/patients/api/get-patient';
import { isApiError } from '../../lib/api-client';
import { can, useCurrentUser, type Permission } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { formatPatientName } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';
import { PatientNotFound } from './patient-not-found';

interface PumpRecordScreenProps {
  title: string;
  permission: Permission;
  notAllowedReason: string;
  /** Why the form cannot open for this patient (a pump already there, or none to replace), if it cannot. */
  blockedBy: (patient: PatientResponse) => { title: string; text: string } | null;
  children: (context: { patient: PatientResponse; clinic: ClinicResponse; backToPatient: () => void }) => ReactNode;
}

/**
 * The frame of a screen that records a pump for a patient (an implant, a replacement): the role check, the
 * patient and the clinic loaded, every loading, missing and error state, and the header.
 */
export function PumpRecordScreen({ title, permission, notAllowedReason, blockedBy, children }: PumpRecordScreenProps) {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const clinicQuery = useClinic();
  const backToPatient = () => void navigate(paths.patient.getHref(patientId));

  if (!can(me, permission)) return <NotAllowed title={title} reason={notAllowedReason} />;
  if (patientQuery.isPending || clinicQuery.isPending) return <PageLoader />;
  if (patientQuery.isError && isApiError(patientQuery.error) && patientQuery.error.isNotFound) {
    return <PatientNotFound />;
  }
  if (patientQuery.isError || clinicQuery.isError) {
    return (
      <>
        <PageHeader title={title} />
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
  const blocked = blockedBy(patient);
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={`${title} · ${formatPatientName(patient)}`}
        description={`${formatPatientName(patient)} · MRN ${patient.mrn}`}
      />
      {blocked ? (
        <Stack align="flex-start">
          <Alert color="clinic" variant="light" title={blocked.title}>
            {blocked.text}
          </Alert>
          <Button variant="default" onClick={backToPatient}>
            Back to patient
          </Button>
        </Stack>
      ) : (
        children({ patient, clinic: clinicQuery.data, backToPatient })
      )}
    </>
  );
}
