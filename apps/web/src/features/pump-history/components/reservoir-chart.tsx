import type { ReservoirHistoryResponse } from '@itb/contracts';
import { formatInstantDate, formatMl } from '../../../lib/format';
import type { ChartFrame } from '../lib/chart-frame';
import { reservoirSummary } from '../lib/history-summary';
import { reservoirLayout } from '../lib/reservoir-chart-layout';
import { ChartSvg, NowLine, PlotClip } from './chart-axes';
import { ChartLegend, lineSwatch } from './chart-legend';
import { FillPointMarker } from './fill-point-marker';
import classes from './pump-history.module.css';

interface ReservoirChartProps {
  history: ReservoirHistoryResponse;
  frame: ChartFrame;
  timeZone: string;
}

/** Volume in the reservoir since implant: as it drained, each fill, and the projection to empty. */
export function ReservoirChart({ history, frame, timeZone }: ReservoirChartProps) {
  const layout = reservoirLayout(history, frame);
  const emptyAt = history.projected?.emptyAt;
  const emptyX = emptyAt ? frame.x(Date.parse(emptyAt)) : null;
  const emptyY = frame.bottom;
  return (
    <div>
      <ChartSvg
        frame={frame}
        label={reservoirSummary(history, timeZone)}
        testId="reservoir-chart"
        valueTicks={layout.yTicks}
        formatValue={formatMl}
      >
        <g aria-hidden>
          <line className={classes.alarm} x1={frame.left} x2={frame.right} y1={layout.alarmY} y2={layout.alarmY} />
          <text className={classes.alarmLabel} x={frame.right} y={layout.alarmY - 5} textAnchor="end">
            Alarm {formatMl(history.alarmMl)}
          </text>
        </g>
        <PlotClip frame={frame}>
          {layout.intervalPaths.map((d) => (
            <path key={d} className={classes.volume} d={d} />
          ))}
          {layout.projectedPath && (
            <path className={classes.projected} d={layout.projectedPath} data-testid="projected-line" />
          )}
        </PlotClip>
        <NowLine frame={frame} x={layout.nowX} />
        {layout.fills.map((marker) => (
          <FillPointMarker key={marker.fill.fillId} marker={marker} timeZone={timeZone} />
        ))}
        {emptyAt && emptyX !== null && emptyX > layout.nowX && (
          <text className={classes.tickLabel} x={emptyX} y={emptyY - 8} textAnchor="end" aria-hidden>
            Empty {formatInstantDate(emptyAt, timeZone)}
          </text>
        )}
      </ChartSvg>
      <ChartLegend
        label="Reservoir chart legend"
        items={[
          { label: 'Volume as it drained', swatch: lineSwatch(classes.volume ?? '') },
          { label: 'Projected to empty', swatch: lineSwatch(classes.projected ?? '') },
          { label: `Alarm volume (${formatMl(history.alarmMl)})`, swatch: lineSwatch(classes.alarm ?? '') },
          { label: 'Residual expected', swatch: <circle className={classes.expected} cx={12} cy={6} r={4.5} /> },
          { label: 'Residual found', swatch: <circle className={classes.found} cx={12} cy={6} r={3.5} /> },
          {
            label: 'Volume after the fill',
            swatch: <rect className={classes.afterFill} x={8} y={2} width={8} height={8} />,
          },
        ]}
      />
    </div>
  );
}
