import { Badge, type BadgeProps } from '@mantine/core';
import type { FlagSeverity } from '@itb/domain';
import { IconAlertOctagonFilled, IconAlertTriangleFilled, IconInfoCircleFilled } from '@tabler/icons-react';
import { SEVERITY_COLORS, SEVERITY_LABELS } from '../lib/flag-display';

const ICONS = {
  critical: IconAlertOctagonFilled,
  high: IconAlertTriangleFilled,
  moderate: IconInfoCircleFilled,
} as const;

/** A flag's severity as colour, icon and word: "Critical" in red, "High" in orange, "Moderate" in yellow. */
export function FlagSeverityBadge({
  severity,
  ...props
}: { severity: FlagSeverity } & Omit<BadgeProps, 'color' | 'leftSection' | 'children'>) {
  const Icon = ICONS[severity];
  return (
    <Badge
      color={SEVERITY_COLORS[severity].badge}
      variant="filled"
      leftSection={<Icon size={12} aria-hidden />}
      data-severity={severity}
      {...props}
    >
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}
