import type { NoShowCounts } from '@itb/contracts';
import { List } from '@mantine/core';
import { formatNumber } from '../../../lib/format';
import type { OpenDrill } from '../lib/drill-target';
import { formatCount, formatPct, formatRatePctFirst } from '../lib/report-format';
import { CountButton } from './count-button';
import { HeadlineFigure } from './headline-figure';

interface NoShowFigureProps {
  noShows: NoShowCounts;
  previous: NoShowCounts;
  scope: string;
  onOpen: OpenDrill;
}

const APPOINTMENTS: [string, string] = ['appointment', 'appointments'];

/** Missed refill appointments over those due, with how each was missed; cancelled ones stand apart. */
export function NoShowFigure({ noShows: n, previous, scope, onOpen }: NoShowFigureProps) {
  const drill = { scope, onOpen };
  return (
    <HeadlineFigure
      label="Missed refill appointments"
      tone={n.noShowRate.numerator > 0 ? 'warn' : 'neutral'}
      value={
        <span style={{ whiteSpace: 'nowrap' }}>
          <CountButton count={n.noShowRate.numerator} measure="no_show" {...drill} /> of{' '}
          {formatNumber(n.noShowRate.denominator, 0)} ({formatPct(n.noShowRate.pct)})
        </span>
      }
      detail={
        <>
          no-show rate over the refill appointments due, of which:
          <List size="xs" spacing={0} mt={2} listStyleType="none" c="dimmed">
            <List.Item>
              marked no-show:{' '}
              <CountButton count={n.markedNoShow} unit={APPOINTMENTS} measure="marked_no_show" {...drill} />
            </List.Item>
            <List.Item>
              passed without a refill:{' '}
              <CountButton count={n.passedWithoutFill} unit={APPOINTMENTS} measure="passed_without_fill" {...drill} />
            </List.Item>
            <List.Item>
              arrived without a refill:{' '}
              <CountButton count={n.arrivedWithoutFill} unit={APPOINTMENTS} measure="arrived_without_fill" {...drill} />
            </List.Item>
            <List.Item>
              cancelled, not counted:{' '}
              <CountButton count={n.cancelled} unit={APPOINTMENTS} measure="cancelled" {...drill} />
            </List.Item>
            <List.Item>still to happen, not counted: {formatCount(n.upcoming, ...APPOINTMENTS)}</List.Item>
          </List>
        </>
      }
      previous={`previous: ${formatRatePctFirst(previous.noShowRate)}`}
    />
  );
}
