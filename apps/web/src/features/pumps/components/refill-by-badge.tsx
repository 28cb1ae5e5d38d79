import { Badge } from '@mantine/core';
import { IconAlertOctagonFilled, IconClockExclamation } from '@tabler/icons-react';
import { formatDays } from '../../../lib/format';
import type { RefillStatus } from '../lib/refill-status';

/** Overdue (red) or due soon (orange), always with an icon and words, never colour alone. */
export function RefillByBadge({ status }: { status: RefillStatus }) {
  switch (status.urgency) {
    case 'overdue':
      return (
        <Badge color="red.9" leftSection={<IconAlertOctagonFilled size={12} aria-hidden />}>
          Overdue by {formatDays(-status.daysLeft)}
        </Badge>
      );
    case 'due_soon':
      return (
        <Badge color="orange.6" leftSection={<IconClockExclamation size={12} aria-hidden />}>
          {status.daysLeft === 0 ? 'Due today' : `Due in ${formatDays(status.daysLeft)}`}
        </Badge>
      );
    case 'ok':
      return null;
  }
}
