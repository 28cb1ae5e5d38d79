import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import type { OverdueReportParams } from '../../../lib/query-keys';
import { overdueReportCsvHref, type ReportCsvSection } from '../api/overdue-report-csv';

const SECTIONS: { section: ReportCsvSection; label: string }[] = [
  { section: 'overdue-now', label: 'Overdue now' },
  { section: 'months', label: 'By month' },
  { section: 'specialists', label: 'By primary specialist' },
  { section: 'performers', label: 'By who performed the refill' },
];

/** One CSV per section of the report, for the period shown; the server names each file. */
export function ReportDownloadMenu({ period }: { period: OverdueReportParams }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Download CSV
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>One file per section</Menu.Label>
        {SECTIONS.map(({ section, label }) => (
          <Menu.Item
            key={section}
            component="a"
            href={overdueReportCsvHref(period, section)}
            download
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
