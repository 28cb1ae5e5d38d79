import { FLAG_CODE_LABELS, type RefillQueueRow } from '@itb/contracts';
import type { FlagSeverity } from '@itb/domain';
import { Badge, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagonFilled, IconAlertTriangleFilled, IconInfoCircleFilled } from '@tabler/icons-react';

/**
 * The same palette as the flags screens: critical red, high orange, moderate yellow, each shade
 * chosen so the theme's auto-contrast text stays readable.
 */
const SEVERITY_STYLE: Record<FlagSeverity, { color: string; label: string; Icon: typeof IconAlertOctagonFilled }> = {
  critical: { color: 'red.9', label: 'Critical', Icon: IconAlertOctagonFilled },
  high: { color: 'orange.6', label: 'High', Icon: IconAlertTriangleFilled },
  moderate: { color: 'yellow.4', label: 'Moderate', Icon: IconInfoCircleFilled },
};

type WorstFlag = NonNullable<RefillQueueRow['worstFlag']>;

/**
 * The worst open flag: its severity as a coloured badge with icon and word, the rule's name beside
 * it in words ("Critical" · "Refill overdue"), and the flag's own summary on hover.
 */
export function WorstFlagBadge({ flag }: { flag: WorstFlag }) {
  const { color, label, Icon } = SEVERITY_STYLE[flag.severity];
  return (
    <Tooltip label={flag.summary} multiline maw={320} withArrow>
      <Stack gap={2} align="flex-start" data-testid="worst-flag">
        <Badge
          color={color}
          variant="filled"
          leftSection={<Icon size={12} aria-hidden />}
          data-severity={flag.severity}
          style={{ minWidth: 'max-content' }}
        >
          {label}
        </Badge>
        <Text size="xs" fw={600} lh={1.3}>
          {FLAG_CODE_LABELS[flag.code]}
          <VisuallyHidden>: {flag.summary}</VisuallyHidden>
        </Text>
      </Stack>
    </Tooltip>
  );
}
