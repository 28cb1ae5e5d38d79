import { notifications } from '@mantine/notifications';
import { ImplantPumpForm } from '../../features/pumps/components/implant-pump-form';
import { PumpRecordScreen } from './pump-record-screen';

export function ImplantPumpRoute() {
  return (
    <PumpRecordScreen
      title="Implant pump"
      permission="pump:implant"
      notAllowedReason="Administrators can view pumps but not record them."
      blockedBy={(patient) =>
        patient.activePump && {
          title: 'This patient already has an active pump',
          text: `Serial number ${patient.activePump.serialNumber}. A new pump is recorded after the current one is explanted.`,
        }
      }
    >
      {({ patient, clinic, backToPatient }) => (
        <ImplantPumpForm
          patientId={patient.id}
          clinic={clinic}
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
      )}
    </PumpRecordScreen>
  );
}
