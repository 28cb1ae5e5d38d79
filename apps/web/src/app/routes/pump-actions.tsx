import type { MeResponse, PumpResponse } from '@itb/contracts';
import { Button, Menu } from '@mantine/core';
import {
  IconAdjustmentsHorizontal,
  IconBellRinging,
  IconChevronDown,
  IconClipboardList,
  IconDroplet,
  IconEdit,
  IconReplace,
  IconTrashX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EditPumpModal } from '../../features/pumps/components/edit-pump-modal';
import { ExplantPumpModal } from '../../features/pumps/components/explant-pump-modal';
import { RecordPumpEventModal } from '../../features/pumps/components/record-pump-event-modal';
import { can } from '../../lib/auth';
import { paths } from '../paths';

interface PumpActionsProps {
  me: MeResponse;
  patientId: string;
  pump: PumpResponse;
}

/**
 * The pump's own record, for a specialist: its details (with the reason for the audit), an explant, or a
 * replacement (explant and new implant in one step, the old pump kept as history).
 */
function PumpLifecycleMenu({ me, patientId, pump }: PumpActionsProps) {
  const [dialog, setDialog] = useState<'edit' | 'explant' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            Pump record
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog('edit')}>
            Edit details
          </Menu.Item>
          <Menu.Item
            leftSection={<IconReplace size={16} aria-hidden />}
            component={Link}
            to={paths.replacePump.getHref(patientId)}
          >
            Replace pump
          </Menu.Item>
          <Menu.Item
            color="red.9"
            leftSection={<IconTrashX size={16} aria-hidden />}
            onClick={() => setDialog('explant')}
          >
            Explant
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <EditPumpModal opened={dialog === 'edit'} onClose={close} patientId={patientId} pump={pump} />
      <ExplantPumpModal
        opened={dialog === 'explant'}
        onClose={close}
        patientId={patientId}
        pump={pump}
        timeZone={me.clinic.timeZone}
      />
    </>
  );
}

/**
 * The pump card's actions: a pump event (an alarm, a stop), a dose change, the refill worksheet and a refill,
 * for the roles that record them, on a filled active pump; and the pump's own record for a specialist.
 */
export function PumpActions({ me, patientId, pump }: PumpActionsProps) {
  const [isRecordingEvent, setIsRecordingEvent] = useState(false);
  if (pump.status !== 'active') return null;
  const isFilled = pump.currentFill !== null;
  const canRefill = isFilled && can(me, 'fill:record');
  const canChangeDose = isFilled && can(me, 'dose:change');
  const canRecordEvent = isFilled && can(me, 'pump:event');
  const canManage = can(me, 'pump:manage');
  if (!canRefill && !canChangeDose && !canRecordEvent && !canManage) return null;
  return (
    <>
      {canManage && <PumpLifecycleMenu me={me} patientId={patientId} pump={pump} />}
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
            pump={pump}
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
          to={paths.refillWorksheet.getHref(patientId, pump.id)}
          variant="default"
          leftSection={<IconClipboardList size={16} aria-hidden />}
        >
          Refill worksheet
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
