import type { MeResponse, PumpResponse } from '@itb/contracts';
import { Button } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBellRinging, IconDroplet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { RecordPumpEventModal } from '../../features/pumps/components/record-pump-event-modal';
import { can } from '../../lib/auth';
import { paths } from '../paths';

/**
 * The pump card's actions: a pump event (an alarm, a stop), a dose change and a refill, for the roles that
 * record them, on a filled active pump.
 */
export function PumpActions({ me, patientId, pump }: { me: MeResponse; patientId: string; pump: PumpResponse }) {
  const [isRecordingEvent, setIsRecordingEvent] = useState(false);
  if (pump.status !== 'active' || !pump.currentFill) return null;
  const canRefill = can(me, 'fill:record');
  const canChangeDose = can(me, 'dose:change');
  const canRecordEvent = can(me, 'pump:event');
  if (!canRefill && !canChangeDose && !canRecordEvent) return null;
  return (
    <>
      {canRecordEvent && (
        <>
          <Button
            variant="default"
            leftSection={<IconBellRinging size={16} aria-hidden />}
            onClick={() => setIsRecordingEvent(true)}
          >
            Record event
          </Button>
          <RecordPumpEventModal
            opened={isRecordingEvent}
            onClose={() => setIsRecordingEvent(false)}
            patientId={patientId}
            pumpId={pump.id}
            pumpVersion={pump.version}
            timeZone={me.clinic.timeZone}
          />
        </>
      )}
      {canChangeDose && (
        <Button
          component={Link}
          to={paths.changeDose.getHref(patientId)}
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
        >
          Change dose
        </Button>
      )}
      {canRefill && (
        <Button
          component={Link}
          to={paths.recordRefill.getHref(patientId)}
          leftSection={<IconDroplet size={16} aria-hidden />}
        >
          Record refill
        </Button>
      )}
    </>
  );
}
