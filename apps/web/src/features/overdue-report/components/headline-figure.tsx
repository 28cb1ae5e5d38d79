import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type FigureTone = 'alert' | 'warn' | 'good' | 'neutral';

const TONE_COLOR: Record<FigureTone, string | undefined> = {
  alert: 'red.9',
  warn: 'orange.9',
  good: 'green.9',
  neutral: undefined,
};

interface HeadlineFigureProps {
  label: string;
  /** The figure with its unit. */
  value: ReactNode;
  tone?: FigureTone;
  /** What the figure counts, in words, and any breakdown. */
  detail?: ReactNode;
  /** The same figure for the period before, in words ("previous: 82.0 % (41 of 50)"). */
  previous?: string;
}

/** One headline figure: a group named by its label so a reader (and a test) finds it by name. */
export function HeadlineFigure({ label, value, tone = 'neutral', detail, previous }: HeadlineFigureProps) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label} className="report-figure">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.3}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.25} mt={4} c={TONE_COLOR[tone]} data-testid="figure-value">
        {value}
      </Text>
      {detail && (
        <Text component="div" size="xs" c="dimmed" mt={4}>
          {detail}
        </Text>
      )}
      {previous && (
        <Text size="xs" mt={6} data-testid="figure-previous">
          {previous}
        </Text>
      )}
    </Paper>
  );
}
