import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangleFilled } from '@tabler/icons-react';

/** The withdrawal high-risk marker: colour, icon and text, so it never relies on colour alone. */
export function HighRiskBadge(props: Omit<BadgeProps, 'color' | 'leftSection' | 'children'>) {
  return (
    <Badge color="red.9" variant="filled" leftSection={<IconAlertTriangleFilled size={12} aria-hidden />} {...props}>
      High risk
    </Badge>
  );
}
