import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** The report's shape while it loads. */
export function ReportSkeleton() {
  return (
    <Stack role="status">
      <VisuallyHidden>Loading the report</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} aria-hidden>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} height={120} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton height={260} radius="md" aria-hidden />
      <Skeleton height={220} radius="md" aria-hidden />
    </Stack>
  );
}
