import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Anchor, Badge, Checkbox, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import {
  acknowledgedHead,
  FLAG_STATUS_LABELS,
  flagLabel,
  raisedText,
  resolvedHead,
  summaryNow,
} from '../lib/flag-display';
import { FlagActions, mayActOnFlags } from './flag-actions';
import { FlagSeverityBadge } from './flag-severity-badge';

interface FlagsTableProps {
  flags: FlagResponse[];
  me: Pick<MeResponse, 'role'>;
  timeZone: string;
  getPatientHref: (patientId: string) => string;
  onAcknowledge: (flag: FlagResponse) => void;
  onResolve: (flag: FlagResponse) => void;
  /** Open flags ticked for acknowledging together; no tick boxes when absent. */
  selection?: { ids: ReadonlySet<string>; onToggle: (flag: FlagResponse) => void };
}

const STATUS_COLORS = { open: 'red.9', acknowledged: 'gray.7', resolved: 'green.9' } as const;

function ActedLine({ head, note }: { head: string; note: string | null }) {
  return (
    <div>
      <Text size="xs">{head}</Text>
      {note && (
        <Text size="xs" c="dimmed" lineClamp={2} title={note}>
          {note}
        </Text>
      )}
    </div>
  );
}

/** Who acted on the flag and when: the acknowledgement, then the resolution if there is one. */
function StatusCell({ flag, timeZone }: { flag: FlagResponse; timeZone: string }) {
  return (
    <Stack gap={4}>
      <Badge variant="outline" color={STATUS_COLORS[flag.status]} size="sm">
        {FLAG_STATUS_LABELS[flag.status]}
      </Badge>
      {flag.acknowledged && (
        <ActedLine head={acknowledgedHead(flag.acknowledged, timeZone)} note={flag.acknowledged.note} />
      )}
      {flag.resolved && <ActedLine head={resolvedHead(flag.resolved, timeZone)} note={flag.resolved.note} />}
    </Stack>
  );
}

/** The clinic's flags, most severe first then newest (the server's order). */
export function FlagsTable({
  flags,
  me,
  timeZone,
  getPatientHref,
  onAcknowledge,
  onResolve,
  selection,
}: FlagsTableProps) {
  const withActions = mayActOnFlags(me);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Flags" verticalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={44}>
                <VisuallyHidden>Select</VisuallyHidden>
              </Table.Th>
            )}
            <Table.Th scope="col" w={130}>
              Severity
            </Table.Th>
            <Table.Th scope="col">Flag</Table.Th>
            <Table.Th scope="col" w={200}>
              Patient
            </Table.Th>
            <Table.Th scope="col" w={240}>
              Status
            </Table.Th>
            {withActions && (
              <Table.Th scope="col" w={130}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flags.map((flag) => (
            <Table.Tr key={flag.id} data-flag-id={flag.id} style={{ verticalAlign: 'top' }}>
              {selection && (
                <Table.Td>
                  {flag.status === 'open' && (
                    <Checkbox
                      aria-label={`Select ${flagLabel(flag)} for ${flag.patientName}`}
                      checked={selection.ids.has(flag.id)}
                      onChange={() => selection.onToggle(flag)}
                    />
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <FlagSeverityBadge severity={flag.severity} />
              </Table.Td>
              <Table.Td>
                <Text fw={700} size="sm">
                  {flagLabel(flag)}
                </Text>
                <Text size="sm">{summaryNow(flag)}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {raisedText(flag, timeZone)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Anchor component={Link} to={getPatientHref(flag.patientId)} fw={600} size="sm">
                    {flag.patientName}
                  </Anchor>
                  <Text size="xs" ff="monospace">
                    {flag.mrn}
                  </Text>
                  {flag.isHighRisk && <HighRiskBadge size="sm" />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <StatusCell flag={flag} timeZone={timeZone} />
              </Table.Td>
              {withActions && (
                <Table.Td>
                  <Stack gap="xs" align="stretch">
                    <FlagActions flag={flag} me={me} onAcknowledge={onAcknowledge} onResolve={onResolve} size="xs" />
                  </Stack>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads; not a table, so it never answers for the real one. */
export function FlagsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="md" role="status" py="xs">
      <VisuallyHidden>Loading flags</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Group key={row} gap="lg" wrap="nowrap" aria-hidden>
          <Skeleton height={18} radius="xl" w={80} />
          <Skeleton height={14} radius="sm" w="35%" />
          <Skeleton height={14} radius="sm" w="20%" />
          <Skeleton height={14} radius="sm" w="15%" />
          <Skeleton height={14} radius="sm" w="15%" />
        </Group>
      ))}
    </Stack>
  );
}
