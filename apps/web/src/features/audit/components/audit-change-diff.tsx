import type { AuditEventResponse } from '@itb/contracts';
import { Badge, Button, Code, Group, SimpleGrid, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useState } from 'react';
import { countChanges, diffAuditChange, type FieldChange, type FieldChangeKind } from '../lib/audit-diff';
import { actionLabel, fieldLabel, formatAuditValue } from '../lib/audit-display';

/** Each kind in words as well as colour; highlighted rows carry a tint and a left rule. */
const KIND_STYLES: Record<FieldChangeKind, { label: string; color: string; tint?: string }> = {
  changed: { label: 'Changed', color: 'yellow.4', tint: 'var(--mantine-color-yellow-0)' },
  added: { label: 'Added', color: 'green.9', tint: 'var(--mantine-color-green-0)' },
  removed: { label: 'Removed', color: 'red.9', tint: 'var(--mantine-color-red-0)' },
  unchanged: { label: 'Unchanged', color: 'gray.7' },
};

function ValueCell({ value, path, timeZone }: { value: unknown; path: string; timeZone: string }) {
  if (value === undefined) {
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>not recorded</VisuallyHidden>
      </Text>
    );
  }
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {formatAuditValue(value, path, timeZone)}
    </Text>
  );
}

function ChangeRow({ change, timeZone }: { change: FieldChange; timeZone: string }) {
  const style = KIND_STYLES[change.kind];
  return (
    <Table.Tr
      data-kind={change.kind}
      style={
        style.tint
          ? { background: style.tint, boxShadow: `inset 4px 0 0 var(--mantine-color-${style.color.replace('.', '-')})` }
          : undefined
      }
    >
      <Table.Th scope="row" fw={500}>
        <Group gap="xs" wrap="nowrap" align="center">
          <Text span size="sm" title={change.path || undefined} style={{ overflowWrap: 'anywhere' }}>
            {fieldLabel(change.path)}
          </Text>
          {change.kind !== 'unchanged' && (
            <Badge size="xs" variant="filled" color={style.color}>
              {style.label}
            </Badge>
          )}
        </Group>
      </Table.Th>
      <Table.Td>
        <ValueCell value={change.before} path={change.path} timeZone={timeZone} />
      </Table.Td>
      <Table.Td>
        <ValueCell value={change.after} path={change.path} timeZone={timeZone} />
      </Table.Td>
    </Table.Tr>
  );
}

function RawJson({ event }: { event: AuditEventResponse }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {(['before', 'after'] as const).map((side) => (
        <Stack key={side} gap={4}>
          <Text size="xs" fw={700} tt="uppercase">
            {side === 'before' ? 'Before' : 'After'} (JSON)
          </Text>
          {/* Focusable, as it scrolls: the keyboard can reach every line. */}
          <Code
            block
            role="group"
            tabIndex={0}
            aria-label={`${side === 'before' ? 'Before' : 'After'}, raw JSON`}
            style={{ maxHeight: 320, overflow: 'auto' }}
          >
            {JSON.stringify(event[side] ?? null, null, 2)}
          </Code>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** One event's change, field by field: what it was, what it became, changed fields highlighted. */
export function AuditChangeDiff({ event, timeZone }: { event: AuditEventResponse; timeZone: string }) {
  const changes = diffAuditChange(event.before, event.after);
  const changedCount = countChanges(changes);
  const unchangedCount = changes.length - changedCount;
  // Unchanged fields are context, not news: hidden unless asked for (or unless nothing changed).
  const [isShowingUnchanged, setIsShowingUnchanged] = useState(changedCount === 0);
  const [isShowingJson, setIsShowingJson] = useState(false);
  const shown = isShowingUnchanged ? changes : changes.filter((change) => change.kind !== 'unchanged');

  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap">
        {event.reason && (
          <Text size="sm">
            <Text span fw={700}>
              Reason:
            </Text>{' '}
            {event.reason}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Record id{' '}
          <Text span ff="monospace" size="xs">
            {event.entityId}
          </Text>
          {event.requestId && (
            <>
              {' · '}request{' '}
              <Text span ff="monospace" size="xs">
                {event.requestId}
              </Text>
            </>
          )}
        </Text>
      </Group>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No values recorded: this event records that it happened, not a change.
        </Text>
      ) : (
        <>
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {changedCount} of {changes.length} {changes.length === 1 ? 'field' : 'fields'} added, removed or changed
            </Text>
            {unchangedCount > 0 && changedCount > 0 && (
              <Switch
                size="sm"
                label={`Show unchanged fields (${unchangedCount})`}
                checked={isShowingUnchanged}
                onChange={(e) => setIsShowingUnchanged(e.currentTarget.checked)}
              />
            )}
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`Change recorded by ${actionLabel(event.action)}`} withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="34%">
                    Field
                  </Table.Th>
                  <Table.Th scope="col">Before</Table.Th>
                  <Table.Th scope="col">After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((change) => (
                  <ChangeRow key={change.path} change={change} timeZone={timeZone} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconBraces size={14} aria-hidden />}
          aria-expanded={isShowingJson}
          onClick={() => setIsShowingJson((value) => !value)}
        >
          {isShowingJson ? 'Hide raw JSON' : 'Show raw JSON'}
        </Button>
      </Group>
      {isShowingJson && <RawJson event={event} />}
    </Stack>
  );
}
