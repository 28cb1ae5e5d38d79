import { useId, type ReactNode } from 'react';
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

/** Draws its children inside the plot only: lines are cut at its edges when a range starts after the first fill. */
export function PlotClip({ frame, children }: { frame: ChartFrame; children: ReactNode }) {
  // useId's characters are not all safe inside url(#…).
  const clipId = `plot-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect
            x={frame.left}
            y={frame.top - 2}
            width={frame.right - frame.left}
            height={frame.bottom - frame.top + 4}
          />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>{children}</g>
    </>
  );
}

interface ChartSvgProps {
  frame: ChartFrame;
  /** The chart in words, for screen readers. */
  label: string;
  testId: string;
  valueTicks: ValueTick[];
  formatValue: (value: number) => string;
  /** The chart's own marks, drawn over the axes. */
  children: ReactNode;
}

/** A history chart's drawing: its value and time axes, with the chart's marks over them. */
export function ChartSvg({ frame, label, testId, valueTicks, formatValue, children }: ChartSvgProps) {
  return (
    <svg
      role="img"
      aria-label={label}
      className={classes.chart}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      data-testid={testId}
    >
      <ValueAxis frame={frame} ticks={valueTicks} format={formatValue} />
      <TimeAxis frame={frame} />
      {children}
    </svg>
  );
}
