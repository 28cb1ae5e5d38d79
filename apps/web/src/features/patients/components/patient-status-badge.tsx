import type { PatientStatus } from '@itb/contracts';
import { Badge } from '@mantine/core';
import { PATIENT_STATUS_LABELS } from '../labels';

const STYLE: Record<PatientStatus, { color: string; variant: 'light' | 'filled' }> = {
  active: { color: 'clinic', variant: 'light' },
  explanted: { color: 'gray', variant: 'light' },
  transferred: { color: 'blue', variant: 'light' },
  deceased: { color: 'dark', variant: 'filled' },
};

export function PatientStatusBadge({ status }: { status: PatientStatus }) {
  const { color, variant } = STYLE[status];
  return (
    <Badge color={color} variant={variant} radius="sm">
      {PATIENT_STATUS_LABELS[status]}
    </Badge>
  );
}
