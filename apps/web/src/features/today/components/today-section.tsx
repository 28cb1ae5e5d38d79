import { Badge, Card, EmptyState, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { QueryError } from '../../../components/ui/query-error';

/** The part of a query result a section needs to show its loading and error states. */
export interface SectionQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isRefetching: boolean;
  refetch: () => unknown;
}

interface TodaySectionProps {
  title: string;
  /** What the section is about, for "Loading arrivals" and "Could not load arrivals". */
  subject: string;
  /** The count shown in the heading ("3", "20+"); left out while loading. */
  count?: string;
  /** One line under the heading: a tally, or what the list holds. */
  summary?: ReactNode;
  query: SectionQuery;
  isEmpty: boolean;
  empty: { icon: ReactNode; title: string; description: string };
  children: ReactNode;
}

function SectionSkeleton({ subject }: { subject: string }) {
  return (
    <Stack gap="sm" role="status">
      <VisuallyHidden>Loading {subject}</VisuallyHidden>
      <Skeleton height={64} radius="md" aria-hidden />
      <Skeleton height={64} radius="md" aria-hidden />
    </Stack>
  );
}

/** One section of today's clinic: a heading with its count, then a loading, error, empty or filled list. */
export function TodaySection({ title, subject, count, summary, query, isEmpty, empty, children }: TodaySectionProps) {
  const titleId = useId();
  let body: ReactNode;
  if (query.isPending) {
    body = <SectionSkeleton subject={subject} />;
  } else if (query.isError && isEmpty) {
    body = (
      <QueryError
        title={`Could not load ${subject}`}
        error={query.error}
        onRetry={() => void query.refetch()}
        isRetrying={query.isRefetching}
      />
    );
  } else if (isEmpty) {
    body = (
      <EmptyState
        icon={empty.icon}
        withIndicatorBackground
        size="sm"
        title={empty.title}
        description={empty.description}
        py="md"
      />
    );
  } else {
    body = children;
  }

  return (
    <Card component="section" aria-labelledby={titleId} h="100%">
      <Stack gap={4} mb="sm">
        <Group gap="xs" align="center">
          <Title order={2} size="h4" id={titleId}>
            {title}
            {count !== undefined && (
              <>
                {' '}
                <Badge component="span" variant="light" color="clinic" size="lg" style={{ verticalAlign: 'middle' }}>
                  {count}
                </Badge>
              </>
            )}
          </Title>
        </Group>
        {summary && !query.isPending && (
          <Text size="sm" c="dimmed" component="div">
            {summary}
          </Text>
        )}
      </Stack>
      {body}
    </Card>
  );
}
