import type { OverdueReport, ReportMeasure } from '@itb/contracts';
import { Table, Text } from '@mantine/core';
import type { OpenDrill } from '../lib/drill-target';
import { formatRate } from '../lib/report-format';
import { CountButton } from './count-button';

const COLUMNS = ['Done', 'On time', 'Late', 'After alarm', 'On-time rate'] as const;

/** Refills done, by who performed them; each count opens the refills behind it. */
export function ByPerformerTable({ rows, onOpen }: { rows: OverdueReport['byPerformer']; onOpen: OpenDrill }) {
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
              {(
                [
                  ['fell_due', row.done, undefined],
                  ['on_time', row.onTime, undefined],
                  ['late', row.late, 'orange.9'],
                  ['after_alarm', row.afterAlarm, 'red.9'],
                ] as [ReportMeasure, number, string | undefined][]
              ).map(([measure, count, color]) => (
                <Table.Td
                  key={measure}
                  ta="right"
                  c={count > 0 ? color : undefined}
                  fw={color && count > 0 ? 700 : 400}
                >
                  <CountButton
                    count={count}
                    measure={measure}
                    performedById={row.clinicianId}
                    scope={`performed by ${row.name}`}
                    onOpen={onOpen}
                  />
                </Table.Td>
              ))}
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
