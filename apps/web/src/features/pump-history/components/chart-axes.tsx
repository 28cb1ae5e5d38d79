import type { ChartFrame } from '../lib/chart-frame';
import type { ValueTick } from '../lib/reservoir-chart-layout';
import classes from './pump-history.module.css';

/** Horizontal grid lines with their values, each labelled with its unit. */
export function ValueAxis({
  frame,
  ticks,
  format,
}: {
  frame: ChartFrame;
  ticks: ValueTick[];
  format: (value: number) => string;
}) {
  return (
    <g aria-hidden>
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line className={classes.grid} x1={frame.left} x2={frame.right} y1={tick.y} y2={tick.y} />
          <text className={classes.tickLabel} x={frame.left - 8} y={tick.y} textAnchor="end" dominantBaseline="middle">
            {format(tick.value)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The dates along the bottom, at the clinic's midnights. */
export function TimeAxis({ frame }: { frame: ChartFrame }) {
  return (
    <g aria-hidden>
      <line className={classes.axisLine} x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
      {frame.ticks.map((tick) => {
        const x = frame.x(tick.ms);
        return (
          <g key={tick.ms}>
            <line className={classes.axisLine} x1={x} x2={x} y1={frame.bottom} y2={frame.bottom + 5} />
            <text className={classes.tickLabel} x={x} y={frame.bottom + 18} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A dashed line at now, so past and projection read apart. */
export function NowLine({ frame, x }: { frame: ChartFrame; x: number }) {
  if (x < frame.left || x > frame.right) return null;
  return (
    <g aria-hidden>
      <line className={classes.now} x1={x} x2={x} y1={frame.top - 4} y2={frame.bottom} />
      <text className={classes.nowLabel} x={x} y={frame.top - 8} textAnchor="middle">
        Now
      </text>
    </g>
  );
}

/** Keeps lines inside the plot when a range starts after the first fill. */
export function PlotClip({ id, frame }: { id: string; frame: ChartFrame }) {
  return (
    <defs>
      <clipPath id={id}>
        <rect x={frame.left} y={frame.top - 2} width={frame.right - frame.left} height={frame.bottom - frame.top + 4} />
      </clipPath>
    </defs>
  );
}
