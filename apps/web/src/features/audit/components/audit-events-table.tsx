import type { AuditEventResponse } from '@itb/contracts';
import { ActionIcon, Anchor, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { formatInstant } from '../../../lib/format';
import { actionLabel, actorText, entityLabel } from '../lib/audit-display';
import { AuditChangeDiff } from './audit-change-diff';

interface AuditEventsTableProps {
  events: AuditEventResponse[];
  timeZone: string;
  getPatientHref: (patientId: string) => string;
}

const COLUMNS = 6;

function EventRow({
  event,
  timeZone,
  getPatientHref,
  isExpanded,
  onToggle,
}: {
  event: AuditEventResponse;
  timeZone: string;
  getPatientHref: (patientId: string) => string;
  isExpanded: boolean;
  onToggle: () => void;
}) {
  const when = formatInstant(event.occurredAt, timeZone);
  const label = actionLabel(event.action);
  const detailsId = `audit-event-${event.id}-change`;
  const Chevron = isExpanded ? IconChevronDown : IconChevronRight;
  return (
    <Fragment>
      <Table.Tr data-event-id={event.id} style={{ verticalAlign: 'top' }}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            aria-expanded={isExpanded}
            aria-controls={isExpanded ? detailsId : undefined}
            aria-label={`${isExpanded ? 'Hide' : 'Show'} change: ${label}, ${when}`}
            onClick={onToggle}
          >
            <Chevron size={18} aria-hidden />
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm">{when}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={event.actorId ? undefined : 'dimmed'}>
            {actorText(event)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={600} title={event.action}>
            {label}
          </Text>
          {event.reason && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {event.reason}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entityLabel(event.entityType)}</Text>
        </Table.Td>
        <Table.Td>
          {event.patientId && event.patientName ? (
            <Anchor component={Link} to={getPatientHref(event.patientId)} size="sm" fw={600}>
              {event.patientName}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              <span aria-hidden>—</span>
              <VisuallyHidden>No patient</VisuallyHidden>
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {isExpanded && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} id={detailsId} bg="var(--mantine-color-gray-0)" p="md">
            <AuditChangeDiff event={event} timeZone={timeZone} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** The audit log, newest first (the server's order); each row opens onto its change, before and after. */
export function AuditEventsTable({ events, timeZone, getPatientHref }: AuditEventsTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Audit events" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>Change</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col" w={190}>
              When
            </Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <EventRow
              key={event.id}
              event={event}
              timeZone={timeZone}
              getPatientHref={getPatientHref}
              isExpanded={expanded.has(event.id)}
              onToggle={() => toggle(event.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads; not a table, so it never answers for the real one. */
export function AuditEventsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap="md" role="status" py="xs">
      <VisuallyHidden>Loading the audit log</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Group key={row} gap="lg" wrap="nowrap" aria-hidden>
          <Skeleton height={14} radius="sm" w="18%" />
          <Skeleton height={14} radius="sm" w="16%" />
          <Skeleton height={14} radius="sm" w="22%" />
          <Skeleton height={14} radius="sm" w="12%" />
          <Skeleton height={14} radius="sm" w="16%" />
        </Group>
      ))}
    </Stack>
  );
}
