import type { OverdueReport } from '@itb/contracts';
import { Text, VisuallyHidden } from '@mantine/core';
import { formatMonth, formatRate } from '../lib/report-format';
import { RATE_CHART, RATE_TICKS_PCT, ratePath, ratePoints, rateY } from '../lib/rate-chart-layout';
import classes from './report.module.css';

type Month = OverdueReport['byMonth'][number];

const monthSentence = (m: Month): string =>
  m.fellDue === 0
    ? `${formatMonth(m.month)}: no refill fell due`
    : `${formatMonth(m.month)}: ${formatRate(m.onTimeRate)} on time`;

/** "Mar" under every month (every other one past eight), with the year under the first and each January. */
const monthLabel = (month: string, index: number) => {
  const name = formatMonth(month).split(' ');
  return { name: name[0] ?? month, year: index === 0 || month.endsWith('-01') ? name[1] : undefined };
};

/**
 * The on-time rate month by month. Drawn as plain SVG like the app's other charts (no chart library):
 * it prints, scales with the page, and reads out as one sentence per month. A month with nothing due
 * is a gap in the line, never a point at 0 %.
 */
export function OnTimeRateChart({ months }: { months: Month[] }) {
  const points = ratePoints(months);
  const stride = months.length > 8 ? 2 : 1;
  return (
    <figure className={classes.chartFigure}>
      <svg
        viewBox={`0 0 ${RATE_CHART.width} ${RATE_CHART.height}`}
        className={classes.chart}
        aria-hidden
        data-testid="on-time-rate-chart"
      >
        {RATE_TICKS_PCT.map((pct) => (
          <g key={pct}>
            <line className={classes.grid} x1={RATE_CHART.left} x2={RATE_CHART.right} y1={rateY(pct)} y2={rateY(pct)} />
            <text
              className={classes.tickLabel}
              x={RATE_CHART.left - 8}
              y={rateY(pct)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {pct} %
            </text>
          </g>
        ))}
        <line
          className={classes.axisLine}
          x1={RATE_CHART.left}
          x2={RATE_CHART.right}
          y1={RATE_CHART.bottom}
          y2={RATE_CHART.bottom}
        />
        {points.map((point, i) => {
          const label = monthLabel(point.month, i);
          const shown = i % stride === 0 || label.year;
          return shown ? (
            <text
              key={point.month}
              className={classes.tickLabel}
              x={point.x}
              y={RATE_CHART.bottom + 16}
              textAnchor="middle"
            >
              {label.name}
              {label.year && (
                <tspan x={point.x} dy={13}>
                  {label.year}
                </tspan>
              )}
            </text>
          ) : null;
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
