import type { OverdueReport } from '@itb/contracts';
import { Table, Text } from '@mantine/core';
import { formatRate } from '../lib/report-format';

const COLUMNS = ['Done', 'On time', 'Late', 'After alarm', 'On-time rate'] as const;

/**
 * Refills done, by who performed them. The counts are plain numbers: the patients list can be asked
 * for a primary specialist but not for a performer.
 */
export function ByPerformerTable({ rows }: { rows: OverdueReport['byPerformer'] }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        No refill was done in this period.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Refills by who performed them" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Performed by</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.clinicianId}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              <Table.Td ta="right">{row.done}</Table.Td>
              <Table.Td ta="right">{row.onTime}</Table.Td>
              <Table.Td ta="right" c={row.late > 0 ? 'orange.9' : undefined} fw={row.late > 0 ? 700 : 400}>
                {row.late}
              </Table.Td>
              <Table.Td ta="right" c={row.afterAlarm > 0 ? 'red.9' : undefined} fw={row.afterAlarm > 0 ? 700 : 400}>
                {row.afterAlarm}
              </Table.Td>
              <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatRate(row.onTimeRate)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
