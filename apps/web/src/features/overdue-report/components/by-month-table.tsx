import type { OverdueReport } from '@itb/contracts';
import { Table } from '@mantine/core';
import { formatLocalDate } from '../../../lib/format';
import type { OpenDrill } from '../lib/drill-target';
import { formatMonth } from '../lib/report-format';
import { DueCountCells, DueCountHead } from './due-count-cells';

interface ByMonthTableProps {
  report: Pick<OverdueReport, 'byMonth' | 'headline'>;
  onOpen: OpenDrill;
}

/** Every month of the period, zeros included, and the whole period in the footer; counts in refills. */
export function ByMonthTable({ report, onOpen }: ByMonthTableProps) {
  const { byMonth, headline } = report;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Refills by the month they fell due" highlightOnHover>
        <DueCountHead first="Month due" extra={['Pending']} />
        <Table.Tbody>
          {byMonth.map((month) => (
            <Table.Tr key={month.month}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {formatMonth(month.month)}
              </Table.Th>
              <DueCountCells counts={month} month={month.month} scope={formatMonth(month.month)} onOpen={onOpen} />
              <Table.Td ta="right" c="dimmed">
                {month.pending}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Whole period</Table.Th>
            <DueCountCells
              counts={headline}
              scope={`${formatLocalDate(headline.from)} – ${formatLocalDate(headline.to)}`}
              onOpen={onOpen}
            />
            <Table.Td ta="right" c="dimmed">
              {headline.pending}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
