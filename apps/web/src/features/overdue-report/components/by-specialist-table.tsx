import type { OverdueReport } from '@itb/contracts';
import { Table, Text } from '@mantine/core';
import type { OpenDrill } from '../lib/drill-target';
import { DueCountCells, DueCountHead } from './due-count-cells';

/** Refills by the patient's primary specialist, who answers for the patient; counts in refills. */
export function BySpecialistTable({ rows, onOpen }: { rows: OverdueReport['bySpecialist']; onOpen: OpenDrill }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        No refill fell due in this period.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table aria-label="Refills by primary specialist" highlightOnHover>
        <DueCountHead first="Primary specialist" />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.specialistId ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {row.specialistId === null ? (
                  <Text span fs="italic" inherit>
                    {row.name}
                  </Text>
                ) : (
                  row.name
                )}
              </Table.Th>
              <DueCountCells counts={row} specialistId={row.specialistId ?? 'none'} scope={row.name} onOpen={onOpen} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
