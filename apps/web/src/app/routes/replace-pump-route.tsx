import { notifications } from '@mantine/notifications';
import { ImplantPumpForm } from '../../features/pumps/components/implant-pump-form';
import { PumpRecordScreen } from './pump-record-screen';

/** A pump replacement in one guided step: the current pump's explant, then the new pump and its first fill. */
export function ReplacePumpRoute() {
  return (
    <PumpRecordScreen
      title="Replace pump"
      permission="pump:manage"
      notAllowedReason="A pump is replaced by a specialist."
      blockedBy={(patient) =>
        patient.activePump
          ? null
          : { title: 'This patient has no active pump to replace', text: 'Record the new pump as an implant instead.' }
      }
    >
      {({ patient, clinic, backToPatient }) =>
        patient.activePump && (
          <ImplantPumpForm
            patientId={patient.id}
            clinic={clinic}
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
        )
      }
    </PumpRecordScreen>
  );
}
