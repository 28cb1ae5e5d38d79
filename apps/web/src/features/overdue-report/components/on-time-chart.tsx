import type { OverdueReport } from '@itb/contracts';
import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { formatMonth, lateBeforeAlarm } from '../lib/report-format';
import classes from './report.module.css';

type Month = OverdueReport['byMonth'][number];

const SEGMENTS = [
  { key: 'onTime', label: 'On time', className: classes.onTime, count: (m: Month) => m.onTime },
  { key: 'late', label: 'After refill-by', className: classes.late, count: lateBeforeAlarm },
  { key: 'afterAlarm', label: 'After the alarm', className: classes.afterAlarm, count: (m: Month) => m.afterAlarm },
] as const;

export function monthSummary(month: Month): string {
  const parts = [`${month.refills} ${month.refills === 1 ? 'refill' : 'refills'}`, `${month.onTime} on time`];
  if (month.afterRefillBy > 0) parts.push(`${month.afterRefillBy} after refill-by`);
  if (month.afterAlarm > 0) parts.push(`${month.afterAlarm} of them after the alarm`);
  return `${formatMonth(month.month)}: ${parts.join(', ')}`;
}

/**
 * Refills per month, stacked: on time, late, late past the alarm. Plain HTML bars: they print,
 * scale with the page, and each month reads out as a sentence (the table below holds the numbers).
 */
export function OnTimeChart({ months }: { months: Month[] }) {
  const max = Math.max(1, ...months.map((m) => m.refills));
  return (
    <Box component="figure" m={0} className={classes.chartFigure}>
      <Group gap="md" mb="sm" component="ul" className={classes.legend} aria-label="Legend">
        {SEGMENTS.map((segment) => (
          <Group key={segment.key} gap={6} component="li" wrap="nowrap">
            <span className={`${classes.swatch} ${segment.className}`} aria-hidden />
            <Text size="sm">{segment.label}</Text>
          </Group>
        ))}
      </Group>
      <ul className={classes.chart} aria-label="Refills per month, on time and late">
        {months.map((month) => (
          <li key={month.month} className={classes.column} title={monthSummary(month)}>
            <VisuallyHidden>{monthSummary(month)}</VisuallyHidden>
            <span className={classes.total} aria-hidden>
              {month.refills}
            </span>
            <span className={classes.bar} style={{ height: `${(month.refills / max) * 100}%` }} aria-hidden>
              {SEGMENTS.map((segment) => {
                const count = segment.count(month);
                return count > 0 ? (
                  <span
                    key={segment.key}
                    className={`${classes.segment} ${segment.className}`}
                    style={{ flexGrow: count }}
                  />
                ) : null;
              })}
            </span>
            <span className={classes.monthLabel} aria-hidden>
              {formatMonth(month.month)}
            </span>
          </li>
        ))}
      </ul>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs">
        Refills per month by when they were done: on or before the refill-by date, after it, or after the low-reservoir
        alarm. Figures per month are in the table below.
      </Text>
    </Box>
  );
}
