import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** The browser tab title; defaults to `title` when that is plain text. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's one `h1`, its tab title, a line of context and its main actions. */
export function PageHeader({ title, documentTitle, description, actions }: PageHeaderProps) {
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useDocumentTitle(tabTitle ? `${tabTitle} · ITB Clinic` : 'ITB Clinic');
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4}>
        <Title order={1} fz={28}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" component="div">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
