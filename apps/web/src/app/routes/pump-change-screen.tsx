import type { ClinicResponse, MeResponse, PatientResponse } from '@itb/contracts';
import { Button, Card, EmptyState } from '@mantine/core';
import { IconDeviceHeartMonitor } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { usePatient } from '../../features/patients/api/get-patient';
import { useDoseAdjustments } from '../../features/pumps/api/get-dose-adjustments';
import { pumpBasisOf, type PumpBasis } from '../../features/pumps/lib/pump-basis';
import { isApiError } from '../../lib/api-client';
import { can, useCurrentUser, type Permission } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { formatPatientName } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';
import { PatientNotFound } from './patient-not-found';

export interface PumpChangeContext {
  me: MeResponse;
  patient: PatientResponse;
  clinic: ClinicResponse;
  basis: PumpBasis;
  backToPatient: () => void;
  /** After a 409: fetch the pump again and open a fresh form on it. */
  reload: () => void;
  isReloading: boolean;
  /** Changes on reload, so the form remounts with the new pump and a new idempotency key. */
  formKey: number;
}

interface PumpChangeScreenProps {
  title: string;
  permission: Permission;
  notAllowedReason: string;
  children: (context: PumpChangeContext) => ReactNode;
}

/**
 * The frame of a screen that records a change to the patient's active pump: the role check, the
 * patient, the clinic and the pump's dose changes loaded, and every loading, missing and error state.
 */
export function PumpChangeScreen({ title, permission, notAllowedReason, children }: PumpChangeScreenProps) {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const clinicQuery = useClinic();
  const pump = patientQuery.data?.activePump ?? undefined;
  const adjustmentsQuery = useDoseAdjustments(pump?.id);
  const [formKey, setFormKey] = useState(0);
  const [isReloading, setIsReloading] = useState(false);
  const backToPatient = () => void navigate(paths.patient.getHref(patientId));

  if (!can(me, permission)) return <NotAllowed title={title} reason={notAllowedReason} />;
  if (patientQuery.isError && isApiError(patientQuery.error) && patientQuery.error.isNotFound) {
    return <PatientNotFound />;
  }
  const error = patientQuery.error ?? clinicQuery.error ?? adjustmentsQuery.error;
  if (error) {
    return (
      <>
        <PageHeader title={title} />
        <QueryError
          title="Could not load this pump"
          error={error}
          onRetry={() => {
            void patientQuery.refetch();
            void clinicQuery.refetch();
            void adjustmentsQuery.refetch();
          }}
        />
      </>
    );
  }
  if (!patientQuery.data || !clinicQuery.data || (pump && !adjustmentsQuery.data)) return <PageLoader />;

  const patient = patientQuery.data;
  const header = (
    <PageHeader
      title={title}
      documentTitle={`${title} · ${formatPatientName(patient)}`}
      description={`${formatPatientName(patient)} · MRN ${patient.mrn}${pump ? ` · ${pump.modelLabel}, serial ${pump.serialNumber}` : ''}`}
    />
  );
  if (!pump || pump.status !== 'active' || !pump.currentFill || !adjustmentsQuery.data) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={<IconDeviceHeartMonitor aria-hidden />}
            withIndicatorBackground
            title="No active pump with a fill"
            description="Refills and dose changes are recorded on the patient's active pump, after its first fill."
            py="lg"
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={backToPatient}>
                Back to patient
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      </>
    );
  }

  const basis = pumpBasisOf(
    { ...pump, currentFill: pump.currentFill },
    adjustmentsQuery.data.items,
    patient,
    clinicQuery.data,
  );
  const reload = () => {
    setIsReloading(true);
    void Promise.all([patientQuery.refetch(), adjustmentsQuery.refetch()]).finally(() => {
      setIsReloading(false);
      setFormKey((key) => key + 1);
    });
  };
  return (
    <>
      {header}
      {children({ me, patient, clinic: clinicQuery.data, basis, backToPatient, reload, isReloading, formKey })}
    </>
  );
}
