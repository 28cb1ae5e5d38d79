import type { FlagResponse } from '@itb/contracts';
import { Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleCheckFilled } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import {
  acknowledgedText,
  flagLabel,
  raisedText,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  summaryNow,
} from '../lib/flag-display';
import { FlagSeverityBadge } from './flag-severity-badge';

interface FlagAlertProps {
  flag: FlagResponse;
  timeZone: string;
  actions?: ReactNode;
}

/** One flag on a patient's chart: severity in colour and words, what the rule found, who acted. */
export function FlagAlert({ flag, timeZone, actions }: FlagAlertProps) {
  const titleId = useId();
  const colors = SEVERITY_COLORS[flag.severity];
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      p="md"
      data-testid="flag"
      data-severity={flag.severity}
      style={{ borderLeft: `6px solid ${colors.accent}`, background: colors.tint }}
    >
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <FlagSeverityBadge severity={flag.severity} />
            <Text fw={700} id={titleId}>
              <VisuallyHidden component="span">{SEVERITY_LABELS[flag.severity]}:</VisuallyHidden> {flagLabel(flag)}
            </Text>
            {flag.status === 'acknowledged' && (
              <Badge variant="outline" color="gray.7" size="sm">
                Acknowledged
              </Badge>
            )}
          </Group>
          <Text size="sm">{summaryNow(flag)}</Text>
          <Text size="xs" c="dimmed">
            {raisedText(flag, timeZone)}
          </Text>
          {flag.acknowledged && (
            <Group gap={6} wrap="nowrap" align="flex-start" data-testid="flag-acknowledged">
              <IconCircleCheckFilled
                size={16}
                aria-hidden
                style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-clinic-7)' }}
              />
              <Text size="sm">{acknowledgedText(flag.acknowledged, timeZone)}</Text>
            </Group>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
