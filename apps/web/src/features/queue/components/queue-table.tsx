import { Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  AlarmCell,
  NextAppointmentCell,
  PatientCell,
  pumpModelLabel,
  type QueueViewProps,
  RefillByCell,
  VolumeCell,
  WorstFlagCell,
} from './queue-cells';

const COLUMNS = [
  'Patient',
  'Pump',
  'Volume now',
  'Days to alarm',
  'Refill by',
  'Next appointment',
  'Worst flag',
] as const;

/** Overdue rows carry a red tint and a red edge, besides the words in the refill-by column. */
export const OVERDUE_ROW_STYLE = {
  backgroundColor: 'var(--mantine-color-red-0)',
  boxShadow: 'inset 4px 0 0 var(--mantine-color-red-8)',
};

export function QueueTable({ rows, timeZone, today, getPatientHref, getCalendarDayHref, onBook }: QueueViewProps) {
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table aria-label="Due-refill queue" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.pumpId}
              data-overdue={row.isOverdue || undefined}
              style={row.isOverdue ? OVERDUE_ROW_STYLE : undefined}
            >
              <Table.Td miw={180}>
                <PatientCell row={row} getPatientHref={getPatientHref} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pumpModelLabel(row)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <VolumeCell row={row} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AlarmCell row={row} timeZone={timeZone} />
              </Table.Td>
              <Table.Td>
                <RefillByCell row={row} today={today} />
              </Table.Td>
              <Table.Td>
                <NextAppointmentCell
                  row={row}
                  timeZone={timeZone}
                  getCalendarDayHref={getCalendarDayHref}
                  onBook={onBook}
                />
              </Table.Td>
              <Table.Td>
                <WorstFlagCell row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads; not a table, so it never answers for the real one. */
export function QueueTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="md" role="status" py="xs">
      <VisuallyHidden>Loading the refill queue</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Group key={row} gap="lg" wrap="nowrap" aria-hidden>
          <Skeleton height={14} radius="sm" w="22%" />
          <Skeleton height={14} radius="sm" w="14%" />
          <Skeleton height={14} radius="sm" w="8%" />
          <Skeleton height={14} radius="sm" w="8%" />
          <Skeleton height={14} radius="sm" w="14%" />
          <Skeleton height={14} radius="sm" w="12%" />
          <Skeleton height={14} radius="sm" w="12%" />
        </Group>
      ))}
    </Stack>
  );
}
