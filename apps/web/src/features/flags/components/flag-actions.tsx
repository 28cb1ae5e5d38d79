import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Button } from '@mantine/core';
import { IconCheck, IconCircleCheck } from '@tabler/icons-react';
import { can } from '../../../lib/auth';
import { flagLabel, isResolvedByHand } from '../lib/flag-display';

interface FlagActionsProps {
  flag: FlagResponse;
  me: Pick<MeResponse, 'role'>;
  onAcknowledge: (flag: FlagResponse) => void;
  onResolve: (flag: FlagResponse) => void;
  size?: 'xs' | 'sm';
}

/**
 * Acknowledge (nurses and specialists, open flags) and Resolve (specialists; only the flags that do
 * not resolve themselves). The button names say which flag, as a list holds many.
 */
export function FlagActions({ flag, me, onAcknowledge, onResolve, size = 'sm' }: FlagActionsProps) {
  const about = `${flagLabel(flag)} for ${flag.patientName}`;
  const canAcknowledge = can(me, 'flag:acknowledge') && flag.status === 'open';
  const canResolve = can(me, 'flag:resolve') && flag.status !== 'resolved' && isResolvedByHand(flag.code);
  if (!canAcknowledge && !canResolve) return null;
  return (
    <>
      {canAcknowledge && (
        <Button
          size={size}
          leftSection={<IconCheck size={14} aria-hidden />}
          aria-label={`Acknowledge ${about}`}
          onClick={() => onAcknowledge(flag)}
        >
          Acknowledge
        </Button>
      )}
      {canResolve && (
        <Button
          size={size}
          variant="default"
          leftSection={<IconCircleCheck size={14} aria-hidden />}
          aria-label={`Resolve ${about}`}
          onClick={() => onResolve(flag)}
        >
          Resolve
        </Button>
      )}
    </>
  );
}

/** Whether a user may act on a flag at all, so a list can leave out an empty actions column. */
export const mayActOnFlags = (me: Pick<MeResponse, 'role'>): boolean =>
  can(me, 'flag:acknowledge') || can(me, 'flag:resolve');
