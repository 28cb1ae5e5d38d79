import type { OverdueReport } from '@itb/contracts';
import { Box, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { formatMonth, formatRate } from '../lib/report-format';
import { labelStride, RATE_TICKS_PCT, rateChartFrame, ratePath, ratePoints, rateY } from '../lib/rate-chart-layout';
import classes from './report.module.css';

type Month = OverdueReport['byMonth'][number];

const monthSentence = (m: Month): string =>
  m.fellDue === 0
    ? `${formatMonth(m.month)}: no refill fell due`
    : `${formatMonth(m.month)}: ${formatRate(m.onTimeRate)} on time`;

/** "Mar" under every `stride`-th month, with the year under the first label of each year. */
function monthLabels(months: Month[], stride: number): Map<string, { name: string; year?: string }> {
  const labels = new Map<string, { name: string; year?: string }>();
  let lastYear = '';
  months.forEach((m, i) => {
    if (i % stride !== 0) return;
    const [name = m.month, year = ''] = formatMonth(m.month).split(' ');
    labels.set(m.month, { name, year: year === lastYear ? undefined : year });
    lastYear = year;
  });
  return labels;
}

/**
 * The on-time rate month by month. Drawn as plain SVG like the app's other charts (the app has no chart
 * library): it prints, is drawn at the card's own width so its text stays legible on a phone, and reads
 * out as one sentence per month. A month with nothing due is a gap in the line, never a point at 0 %.
 */
export function OnTimeRateChart({ months }: { months: Month[] }) {
  const { ref, width } = useElementSize();
  const frame = rateChartFrame(width > 0 ? Math.round(width) : undefined);
  const points = ratePoints(frame, months);
  const labels = monthLabels(months, labelStride(frame, months.length));
  return (
    <figure className={classes.chartFigure}>
      <Box ref={ref}>
        <svg
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          width={frame.width}
          height={frame.height}
          className={classes.chart}
          aria-hidden
          data-testid="on-time-rate-chart"
        >
          {RATE_TICKS_PCT.map((pct) => (
            <g key={pct}>
              <line
                className={classes.grid}
                x1={frame.left}
                x2={frame.right}
                y1={rateY(frame, pct)}
                y2={rateY(frame, pct)}
              />
              <text
                className={classes.tickLabel}
                x={frame.left - 6}
                y={rateY(frame, pct)}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {pct} %
              </text>
            </g>
          ))}
          <line className={classes.axisLine} x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
          {points.map((point) => {
            const label = labels.get(point.month);
            if (!label) return null;
            return (
              <text
                key={point.month}
                className={classes.tickLabel}
                x={point.x}
                y={frame.bottom + 16}
                textAnchor="middle"
              >
                {label.name}
                {label.year && (
                  <tspan x={point.x} dy={13}>
                    {label.year}
                  </tspan>
                )}
              </text>
            );
          })}
          <path className={classes.rateLine} d={ratePath(points)} data-testid="on-time-rate-line" />
          {points.map((point, i) =>
            point.y === null ? null : (
              <circle key={point.month} className={classes.ratePoint} cx={point.x} cy={point.y} r={4}>
                <title>{monthSentence(months[i] as Month)}</title>
              </circle>
            ),
          )}
        </svg>
      </Box>
      <VisuallyHidden>
        <ul aria-label="On-time rate by month">
          {months.map((m) => (
            <li key={m.month}>{monthSentence(m)}</li>
          ))}
        </ul>
      </VisuallyHidden>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs">
        Refills done on or before their refill-by date, of those that fell due each month. A break in the line is a
        month when no refill fell due.
      </Text>
    </figure>
  );
}
