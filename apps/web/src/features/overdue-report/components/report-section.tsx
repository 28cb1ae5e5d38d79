import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ReportSectionProps {
  id?: string;
  title: string;
  description?: ReactNode;
  /** Controls beside the title (a view switch). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One card of the report, named for screen readers by its title. */
export function ReportSection({ id, title, description, actions, children }: ReportSectionProps) {
  return (
    <Card component="section" id={id} aria-label={title} withBorder radius="md" className="report-section">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs" wrap="wrap">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Card>
  );
}
