import { notifications } from '@mantine/notifications';
import { RefillForm } from '../../features/pumps/components/refill/refill-form';
import { formatInstantDate, formatLocalDate } from '../../lib/format';
import { PumpChangeScreen } from './pump-change-screen';

export function RecordRefillRoute() {
  return (
    <PumpChangeScreen
      title="Record refill"
      permission="fill:record"
      notAllowedReason="Administrators can view refills but not record them."
    >
      {({ me, patient, clinic, basis, backToPatient, reload, isReloading, formKey }) => (
        <RefillForm
          key={formKey}
          patientId={patient.id}
          openedBasis={basis}
          role={me.role}
          timeZone={clinic.timeZone}
          onRecorded={(fill) => {
            notifications.show({
              color: 'clinic',
              title: 'Refill recorded',
              message: `Alarm date ${formatInstantDate(fill.alarmAt, clinic.timeZone)}; refill by ${formatLocalDate(fill.refillBy)}.`,
            });
            backToPatient();
          }}
          onCancel={backToPatient}
          onReload={reload}
          isReloading={isReloading}
        />
      )}
    </PumpChangeScreen>
  );
}
