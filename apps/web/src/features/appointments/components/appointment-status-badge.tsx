import type { AppointmentStatus } from '@itb/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import { APPOINTMENT_STATUS_COLORS, APPOINTMENT_STATUS_LABELS } from '../lib/appointment-display';

export function AppointmentStatusBadge({
  status,
  ...props
}: { status: AppointmentStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge
      color={APPOINTMENT_STATUS_COLORS[status]}
      variant="light"
      data-status={status}
      style={{ minWidth: 'max-content' }}
      {...props}
    >
      {APPOINTMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
