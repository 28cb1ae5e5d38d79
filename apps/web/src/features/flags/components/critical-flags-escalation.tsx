import type { FlagResponse } from '@itb/contracts';
import { Alert, Anchor } from '@mantine/core';
import { IconAlarmFilled } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queryKeys } from '../../../lib/query-keys';
import { getFlags } from '../api/get-flags';

/** How long a critical flag may wait for a clinician before every clinical screen says so (issue 14 item 7). */
export const ESCALATE_AFTER_MS = 30 * 60_000;

/** The critical flags nobody has acknowledged for more than 30 minutes, at `now`. */
export const escalatedFlags = (flags: readonly FlagResponse[], now: Date): FlagResponse[] =>
  flags.filter(
    (flag) =>
      flag.severity === 'critical' &&
      flag.status === 'open' &&
      now.getTime() - Date.parse(flag.raisedAt) > ESCALATE_AFTER_MS,
  );

/**
 * A banner on every screen of a clinical user while a critical flag has waited more than 30 minutes
 * without acknowledgement; it asks the server again every minute and links to those flags.
 */
export function CriticalFlagsEscalation({ flagsHref }: { flagsHref: string }) {
  const query = useQuery({
    queryKey: queryKeys.flags.criticalOpen(),
    queryFn: ({ signal }) => getFlags({ status: 'open', severity: 'critical', limit: 200 }, { signal }),
    refetchInterval: 60_000,
  });
  const waiting = escalatedFlags(query.data?.items ?? [], new Date());
  if (waiting.length === 0) return null;
  const patients = new Set(waiting.map((flag) => flag.patientName));
  return (
    <Alert
      color="red.9"
      variant="filled"
      icon={<IconAlarmFilled aria-hidden />}
      title={`${waiting.length} critical ${waiting.length === 1 ? 'flag has' : 'flags have'} waited over 30 minutes`}
      role="alert"
      mb="md"
      data-testid="critical-escalation"
    >
      Nobody has acknowledged {waiting.length === 1 ? 'it' : 'them'} yet ({[...patients].slice(0, 3).join('; ')}
      {patients.size > 3 ? ` and ${patients.size - 3} more` : ''}).{' '}
      <Anchor component={Link} to={flagsHref} c="white" fw={700} underline="always">
        Open the critical flags
      </Anchor>
    </Alert>
  );
}
