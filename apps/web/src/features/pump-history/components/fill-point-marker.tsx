import { formatInstant, formatMl, formatSignedMl } from '../../../lib/format';
import type { FillMarker } from '../lib/reservoir-chart-layout';
import classes from './pump-history.module.css';

/** The hover text of a fill: what was found, what was expected, what it was filled to. */
export function fillPointTitle({ fill }: FillMarker, timeZone: string): string {
  const when = formatInstant(fill.at, timeZone);
  if (fill.residualWithdrawnMl === null || fill.expectedResidualMl === null) {
    return `${fill.isInitial ? 'First fill' : 'Refill'} ${when}: filled to ${formatMl(fill.volumeAfterMl)}`;
  }
  return (
    `Refill ${when}: ${formatMl(fill.residualWithdrawnMl)} found, ${formatMl(fill.expectedResidualMl)} expected ` +
    `(${formatSignedMl(fill.discrepancyMl ?? 0)}); filled to ${formatMl(fill.volumeAfterMl)}`
  );
}

const AFTER_SIZE = 8;

/**
 * One fill on the reservoir chart: a hollow ring at the residual the engine expected, a filled dot
 * at the residual withdrawn (joined by a short dotted connector, red when past the discrepancy
 * thresholds), and a square at the volume after the fill. Its numbers ride on data attributes,
 * so an end-to-end test can compare the chart with the API.
 */
export function FillPointMarker({ marker, timeZone }: { marker: FillMarker; timeZone: string }) {
  const { fill, x, afterY, residualY, expectedY } = marker;
  return (
    <g
      data-testid="fill-point"
      data-fill-id={fill.fillId}
      data-at={fill.at}
      data-volume-after-ml={fill.volumeAfterMl}
      data-residual-ml={fill.residualWithdrawnMl ?? undefined}
      data-expected-residual-ml={fill.expectedResidualMl ?? undefined}
      className={fill.isDiscrepant ? classes.discrepant : undefined}
    >
      <title>{fillPointTitle(marker, timeZone)}</title>
      {residualY !== null && <line className={classes.refill} x1={x} x2={x} y1={residualY} y2={afterY} />}
      {residualY !== null && expectedY !== null && (
        <line className={classes.connector} x1={x} x2={x} y1={expectedY} y2={residualY} />
      )}
      {expectedY !== null && <circle className={classes.expected} cx={x} cy={expectedY} r={5.5} />}
      {residualY !== null && <circle className={classes.found} cx={x} cy={residualY} r={3.5} />}
      <rect
        className={classes.afterFill}
        x={x - AFTER_SIZE / 2}
        y={afterY - AFTER_SIZE / 2}
        width={AFTER_SIZE}
        height={AFTER_SIZE}
      />
    </g>
  );
}
