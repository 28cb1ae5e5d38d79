import type { MeResponse, PumpResponse } from '@itb/contracts';
import { Button } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconDroplet } from '@tabler/icons-react';
import { Link } from 'react-router';
import { can } from '../../lib/auth';
import { paths } from '../paths';

/** The pump card's actions: a refill and a dose change, for the roles that record them, on a filled active pump. */
export function PumpActions({ me, patientId, pump }: { me: MeResponse; patientId: string; pump: PumpResponse }) {
  if (pump.status !== 'active' || !pump.currentFill) return null;
  const canRefill = can(me, 'fill:record');
  const canChangeDose = can(me, 'dose:change');
  if (!canRefill && !canChangeDose) return null;
  return (
    <>
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
