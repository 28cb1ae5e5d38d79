import type { OverdueReport } from '@itb/contracts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { headlineFigures, type FigureTone } from '../lib/report-format';

const TONE_COLOR: Record<FigureTone, string | undefined> = {
  alert: 'red.9',
  good: 'green.9',
  neutral: undefined,
};

/** The six figures a clinic lead reads first; each value carries its unit, each a line saying what it counts. */
export function ReportHeadline({ report }: { report: Pick<OverdueReport, 'headline' | 'today'> }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="md" className="report-headline">
      {headlineFigures(report).map((figure) => (
        <Paper
          key={figure.key}
          withBorder
          p="md"
          radius="md"
          role="group"
          aria-label={figure.label}
          data-testid={`figure-${figure.key}`}
          className="report-figure"
        >
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.3}>
            {figure.label}
          </Text>
          <Text fz={28} fw={700} lh={1.2} mt={4} c={TONE_COLOR[figure.tone]} data-testid="figure-value">
            {figure.value}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {figure.detail}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
