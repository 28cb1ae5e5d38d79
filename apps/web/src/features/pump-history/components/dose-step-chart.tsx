import type { ReservoirHistoryResponse } from '@itb/contracts';
import { formatMcgPerDay, formatMcgPerMl } from '../../../lib/format';
import type { ChartFrame } from '../lib/chart-frame';
import { doseLayout } from '../lib/dose-chart-layout';
import { doseSummary } from '../lib/history-summary';
import { ChartSvg, NowLine, PlotClip } from './chart-axes';
import { ChartLegend, lineSwatch } from './chart-legend';
import classes from './pump-history.module.css';

interface DoseStepChartProps {
  history: ReservoirHistoryResponse;
  frame: ChartFrame;
  timeZone: string;
}

/** The programmed daily dose over the same time axis as the reservoir, with each concentration set at a fill. */
export function DoseStepChart({ history, frame, timeZone }: DoseStepChartProps) {
  const layout = doseLayout(history, frame);
  return (
    <div>
      <ChartSvg
        frame={frame}
        label={doseSummary(history, timeZone)}
        testId="dose-chart"
        valueTicks={layout.yTicks}
        formatValue={formatMcgPerDay}
      >
        {layout.concentrationMarks.map(({ x, step }) => (
          <g
            key={step.from}
            data-testid="concentration-mark"
            data-concentration-mcg-per-ml={step.concentrationMcgPerMl}
          >
            <line className={classes.concentration} x1={x} x2={x} y1={frame.top} y2={frame.bottom} />
            <path className={classes.concentrationMarker} d={`M${x},${frame.top - 9} l4,4 l-4,4 l-4,-4 z`} />
            <text className={classes.concentrationLabel} x={x + 7} y={frame.top - 2}>
              {formatMcgPerMl(step.concentrationMcgPerMl)}
            </text>
          </g>
        ))}
        <PlotClip frame={frame}>
          <path className={classes.dose} d={layout.path} />
          {layout.ongoingPath && <path className={classes.doseOngoing} d={layout.ongoingPath} />}
        </PlotClip>
        <NowLine frame={frame} x={frame.x(Date.parse(history.asOf))} />
      </ChartSvg>
      <ChartLegend
        label="Daily dose chart legend"
        items={[
          { label: 'Programmed daily dose', swatch: lineSwatch(classes.dose ?? '') },
          { label: 'Dose in force, carried on', swatch: lineSwatch(classes.doseOngoing ?? '') },
          {
            label: 'Concentration set at a fill',
            swatch: <path className={classes.concentrationMarker} d="M12,2 l4,4 l-4,4 l-4,-4 z" />,
          },
        ]}
      />
    </div>
  );
}
