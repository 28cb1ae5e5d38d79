import { Button, Card, Grid, Skeleton, Stack } from '@mantine/core';
import { IconDeviceHeartMonitor, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { PumpActions } from './pump-actions';
import { PageHeader } from '../../components/ui/page-header';
import { QueryError } from '../../components/ui/query-error';
import { PatientAppointments } from '../../features/appointments/components/patient-appointments';
import { EmergencyCardButton } from '../../features/emergency-card/components/emergency-card-button';
import { PatientFlagsBanner } from '../../features/flags/components/patient-flags-banner';
import { usePatient } from '../../features/patients/api/get-patient';
import { PatientDemographicsCard } from '../../features/patients/components/patient-demographics-card';
import { PatientHeaderDetails } from '../../features/patients/components/patient-header-details';
import { PatientSafetyPanel } from '../../features/patients/components/patient-safety-panel';
import { NoPumpState } from '../../features/pumps/components/no-pump-state';
import { ReservoirHistorySection } from '../../features/pump-history/components/reservoir-history-section';
import { PumpCard } from '../../features/pumps/components/pump-card';
import { PatientTimeline } from '../../features/timeline/components/patient-timeline';
import { isApiError } from '../../lib/api-client';
import { can, useCurrentUser } from '../../lib/auth';
import { DEFAULT_DUE_SOON_WINDOW_DAYS, useClinic } from '../../lib/clinic';
import { formatPatientName, todayIn } from '../../lib/format';
import { paths } from '../paths';
import { PatientNotFound } from './patient-not-found';

function PatientSkeleton() {
  return (
    <Stack role="status" aria-busy aria-label="Loading patient">
      <Skeleton height={32} width="40%" />
      <Skeleton height={16} width="60%" />
      <Card>
        <Skeleton height={80} />
      </Card>
      <Card>
        <Skeleton height={180} />
      </Card>
    </Stack>
  );
}

export function PatientRoute() {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const patientQuery = usePatient(patientId);
  const clinicQuery = useClinic();

  if (patientQuery.isPending) return <PatientSkeleton />;
  if (patientQuery.isError) {
    if (isApiError(patientQuery.error) && patientQuery.error.isNotFound) return <PatientNotFound />;
    return (
      <>
        <PageHeader title="Patient" />
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
  const timeZone = me.clinic.timeZone;
  const today = todayIn(timeZone);
  const canImplant = can(me, 'pump:implant') && patient.status === 'active';

  return (
    <>
      <PageHeader
        title={formatPatientName(patient)}
        description={<PatientHeaderDetails patient={patient} today={today} />}
        actions={
          <>
            {can(me, 'patient:edit') && (
              <Button
                component={Link}
                to={paths.editPatient.getHref(patient.id)}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                Edit patient
              </Button>
            )}
            {/* The API answers a card only for an active pump with a fill; every role may read it. */}
            {patient.activePump?.currentFill && <EmergencyCardButton to={paths.emergencyCard.getHref(patient.id)} />}
          </>
        }
      />
      <Stack gap="lg">
        <PatientFlagsBanner
          patient={{ id: patient.id, name: formatPatientName(patient), isDeceased: patient.status === 'deceased' }}
          me={me}
          timeZone={timeZone}
        />
        <PatientSafetyPanel patient={patient} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            {patient.activePump ? (
              <PumpCard
                pump={patient.activePump}
                timeZone={timeZone}
                today={today}
                dueSoonWindowDays={clinicQuery.data?.dueSoonWindowDays ?? DEFAULT_DUE_SOON_WINDOW_DAYS}
                actions={<PumpActions me={me} patientId={patient.id} pump={patient.activePump} />}
              />
            ) : (
              <NoPumpState
                implantAction={
                  canImplant ? (
                    <Button
                      leftSection={<IconDeviceHeartMonitor size={16} aria-hidden />}
                      onClick={() => void navigate(paths.implantPump.getHref(patient.id))}
                    >
                      Implant pump
                    </Button>
                  ) : undefined
                }
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <PatientDemographicsCard patient={patient} timeZone={timeZone} />
          </Grid.Col>
        </Grid>
        <PatientAppointments
          patient={{ id: patient.id, name: formatPatientName(patient), isActive: patient.status === 'active' }}
          refillBy={patient.activePump?.projection?.refillBy ?? null}
          clinic={clinicQuery.data}
          today={today}
          canManage={can(me, 'appointment:manage')}
          getPatientHref={paths.patient.getHref}
          getRecordRefillHref={paths.recordRefill.getHref}
        />
        {patient.activePump?.currentFill && (
          <ReservoirHistorySection pumpId={patient.activePump.id} timeZone={timeZone} />
        )}
        <PatientTimeline
          patientId={patient.id}
          timeZone={timeZone}
          fillWorksheetHref={
            // The refill worksheets are for the clinicians who refill (the API allows them only).
            can(me, 'fill:record') ? (fillId) => paths.fillWorksheet.getHref(patient.id, fillId) : undefined
          }
        />
      </Stack>
    </>
  );
}
