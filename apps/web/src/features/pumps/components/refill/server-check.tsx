import { Group, List, Loader, Text } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconCloudQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '../../../../lib/api-client';
import { humanizeMessage, submitErrorMessage } from '../../../../lib/form-errors';
import { formatInstant, formatLocalDate, formatMl, formatSignedMl, formatSignedPercent } from '../../../../lib/format';
import type { Disagreement } from '../../lib/server-agreement';
import type { ServerRefillCheck } from './use-server-refill-check';

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="server-check">
      {icon}
      <div style={{ flex: 1 }}>{children}</div>
    </Group>
  );
}

function refusalDetails(error: unknown, fieldLabels: Record<string, string>): string[] {
  if (!isApiError(error) || error.status === 0 || error.status >= 500) return [];
  return error.details.map((d) => `${fieldLabels[d.field] ?? d.field}: ${humanizeMessage(d.message)}`);
}

function formatValue(kind: Disagreement['kind'], value: number | string | null, timeZone: string): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return kind === 'instant' ? formatInstant(value, timeZone) : formatLocalDate(value);
  if (kind === 'signed_pct') return formatSignedPercent(value);
  return kind === 'signed_ml' ? formatSignedMl(value) : formatMl(value);
}

interface ServerCheckProps {
  check: ServerRefillCheck;
  disagreements: Disagreement[];
  timeZone: string;
  /** The form's label for each request field, so a refusal names the field as the user sees it. */
  fieldLabels: Record<string, string>;
}

/** Whether the server, which saves the refill, computes the numbers shown above. */
export function ServerCheck({ check, disagreements, timeZone, fieldLabels }: ServerCheckProps) {
  switch (check.status) {
    case 'incomplete':
      return (
        <Line icon={<IconCloudQuestion size={18} aria-hidden color="var(--mantine-color-dimmed)" />}>
          <Text size="sm" c="dimmed">
            Complete every required field and the server will confirm these numbers.
          </Text>
        </Line>
      );
    case 'checking':
      return (
        <Line icon={<Loader size={16} aria-hidden />}>
          <Text size="sm" c="dimmed">
            Confirming with the server…
          </Text>
        </Line>
      );
    case 'refused': {
      const isUnreachable = !isApiError(check.error) || check.error.status === 0 || check.error.status >= 500;
      const details = refusalDetails(check.error, fieldLabels);
      return (
        <Line icon={<IconAlertOctagon size={18} aria-hidden color="var(--mantine-color-red-9)" />}>
          <Text size="sm" fw={600} c="red.9">
            {isUnreachable ? 'Could not confirm with the server' : 'The server would refuse this refill'}
          </Text>
          <Text size="sm">{details.length > 0 ? 'Check these entries:' : submitErrorMessage(check.error)}</Text>
          {details.length > 0 && (
            <List size="sm">
              {details.map((detail) => (
                <List.Item key={detail}>{detail}</List.Item>
              ))}
            </List>
          )}
        </Line>
      );
    }
    case 'answered':
      return disagreements.length === 0 ? (
        <Line icon={<IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-9)" />}>
          <Text size="sm">Confirmed: the server computes the same numbers.</Text>
        </Line>
      ) : (
        <Line icon={<IconAlertOctagon size={18} aria-hidden color="var(--mantine-color-red-9)" />}>
          <Text size="sm" fw={600} c="red.9">
            The server computes different numbers; its numbers are the ones saved:
          </Text>
          <List size="sm">
            {disagreements.map((d) => (
              <List.Item key={d.label}>
                {d.label}: server {formatValue(d.kind, d.server, timeZone)}, here{' '}
                {formatValue(d.kind, d.client, timeZone)}
              </List.Item>
            ))}
          </List>
        </Line>
      );
  }
}
