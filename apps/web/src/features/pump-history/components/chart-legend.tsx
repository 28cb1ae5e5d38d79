import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './pump-history.module.css';

export interface LegendItem {
  label: string;
  /** The mark as drawn in the chart, inside a 24 × 12 box. */
  swatch: ReactNode;
}

export function ChartLegend({ label, items }: { label: string; items: LegendItem[] }) {
  return (
    <Group component="ul" gap="md" className={classes.legend} aria-label={label}>
      {items.map((item) => (
        <Group key={item.label} component="li" gap={6} wrap="nowrap">
          <svg width={24} height={12} aria-hidden className={classes.chart} style={{ width: 24 }}>
            {item.swatch}
          </svg>
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export const lineSwatch = (className: string) => <line className={className} x1={1} x2={23} y1={6} y2={6} />;
