import type { OverdueReport } from '@itb/contracts';
import { Table } from '@mantine/core';
import type { OpenDrill } from '../lib/drill-target';
import { formatRate } from '../lib/report-format';
import { CountButton } from './count-button';

type DueCounts = Pick<
  OverdueReport['byMonth'][number],
  'fellDue' | 'onTime' | 'late' | 'afterAlarm' | 'notDone' | 'onTimeRate'
>;

export const DUE_COLUMNS = ['Fell due', 'On time', 'Late', 'After alarm', 'Not done'] as const;

interface DueCountCellsProps {
  counts: DueCounts;
  /** Where the counts stand, for the drill-down: a month, a specialist, or neither (the whole period). */
  month?: string;
  specialistId?: string;
  scope: string;
  onOpen: OpenDrill;
}

/** The refills that fell due and what became of them, each count opening its patients, then the rate. */
export function DueCountCells({ counts, month, specialistId, scope, onOpen }: DueCountCellsProps) {
  const where = { month, specialistId, scope, onOpen };
  const cells = [
    { key: 'fell_due', count: counts.fellDue, color: undefined },
    { key: 'on_time', count: counts.onTime, color: undefined },
    { key: 'late', count: counts.late, color: 'orange.9' },
    { key: 'after_alarm', count: counts.afterAlarm, color: 'red.9' },
    { key: 'not_done', count: counts.notDone, color: 'red.9' },
  ] as const;
  return (
    <>
      {cells.map((cell) => (
        <Table.Td
          key={cell.key}
          ta="right"
          c={cell.count > 0 ? cell.color : undefined}
          fw={cell.count > 0 && cell.color ? 700 : 400}
        >
          <CountButton count={cell.count} measure={cell.key} {...where} />
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatRate(counts.onTimeRate)}
      </Table.Td>
    </>
  );
}

export function DueCountHead({ first, extra = [] }: { first: string; extra?: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {[...DUE_COLUMNS, 'On-time rate', ...extra].map((column) => (
          <Table.Th key={column} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
