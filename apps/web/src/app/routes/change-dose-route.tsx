import type { MeResponse, PatientResponse } from '@itb/contracts';
import { notifications } from '@mantine/notifications';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { DoseChangeForm } from '../../features/pumps/components/dose-change/dose-change-form';
import type { SpecialistOption } from '../../features/pumps/components/dose-change/dose-change-fields';
import { useUsers } from '../../features/users/api/get-users';
import { formatLocalDate, formatMcgPerDay } from '../../lib/format';
import { PumpChangeScreen } from './pump-change-screen';

/** A specialist orders their own changes; a nurse most often carries out the primary specialist's. */
function defaultOrderedById(me: MeResponse, patient: PatientResponse, specialists: SpecialistOption[]): string {
  if (me.role === 'specialist') return me.id;
  const primary = specialists.find((s) => s.id === patient.primarySpecialistId);
  return primary?.id ?? '';
}

export function ChangeDoseRoute() {
  const specialistsQuery = useUsers({ role: 'specialist' });
  return (
    <PumpChangeScreen
      title="Change dose"
      permission="dose:change"
      notAllowedReason="Administrators can view dose changes but not record them."
    >
      {({ me, patient, clinic, basis, backToPatient, reload, isReloading, formKey }) => {
        if (specialistsQuery.isPending) return <PageLoader label="Loading specialists" />;
        if (specialistsQuery.isError) {
          return (
            <QueryError
              title="Could not load the clinic's specialists"
              error={specialistsQuery.error}
              onRetry={() => void specialistsQuery.refetch()}
            />
          );
        }
        const specialists = specialistsQuery.data.items
          .filter((user) => user.isActive)
          .map((user) => ({ id: user.id, name: user.name }));
        return (
          <DoseChangeForm
            key={formKey}
            patientId={patient.id}
            openedBasis={basis}
            role={me.role}
            timeZone={clinic.timeZone}
            specialists={specialists}
            defaultOrderedById={defaultOrderedById(me, patient, specialists)}
            currentAlarmAt={patient.activePump?.projection?.alarmAt ?? null}
            currentRefillBy={patient.activePump?.projection?.refillBy ?? null}
            onRecorded={(result) => {
              notifications.show({
                color: 'clinic',
                title: 'Dose changed',
                message: `${formatMcgPerDay(result.previousDailyDoseMcg)} → ${formatMcgPerDay(result.newDailyDoseMcg)}; refill by ${formatLocalDate(result.projection.refillBy)}.`,
              });
              backToPatient();
            }}
            onCancel={backToPatient}
            onReload={reload}
            isReloading={isReloading}
          />
        );
      }}
    </PumpChangeScreen>
  );
}
