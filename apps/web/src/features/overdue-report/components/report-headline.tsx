import type { OverdueReport } from '@itb/contracts';
import { Anchor, SimpleGrid } from '@mantine/core';
import { formatLocalDate } from '../../../lib/format';
import type { OpenDrill } from '../lib/drill-target';
import { formatCount, formatMedianDays, formatRatePctFirst, medianDaysParts } from '../lib/report-format';
import { CountButton } from './count-button';
import { HeadlineFigure } from './headline-figure';
import { NoShowFigure } from './no-show-figure';
import { OnTimeRate } from './on-time-rate';

const REFILLS: [string, string] = ['refill', 'refills'];

type HeadlineReport = Pick<OverdueReport, 'headline' | 'previous'>;

const previousCount = (count: number) => `previous: ${formatCount(count, ...REFILLS)}`;

/** The figures a clinic lead reads first, each beside the same figure for the period before. */
export function ReportHeadline({ report, onOpen }: { report: HeadlineReport; onOpen: OpenDrill }) {
  const { headline: h, previous: p } = report;
  const median = medianDaysParts(h.medianDaysRefillToAlarm);
  const scope = `${formatLocalDate(h.from)} – ${formatLocalDate(h.to)}`;
  const count = (measure: 'fell_due' | 'late' | 'after_alarm' | 'not_done', value: number) => (
    <CountButton count={value} unit={REFILLS} measure={measure} scope={scope} onOpen={onOpen} />
  );

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" className="report-headline">
      <HeadlineFigure
        label="Fell due"
        value={count('fell_due', h.fellDue)}
        detail={`refill-by dates in the period; ${formatCount(h.pending, 'more is', 'more are')} due today or later`}
        previous={previousCount(p.fellDue)}
      />
      <HeadlineFigure
        label="On-time rate"
        value={<OnTimeRate rate={h.onTimeRate} scope={scope} onOpen={onOpen} />}
        detail="refilled on or before the refill-by date, of those that fell due"
        previous={`previous: ${formatRatePctFirst(p.onTimeRate)}`}
      />
      <HeadlineFigure
        label="Late"
        value={count('late', h.late)}
        tone={h.late > 0 ? 'warn' : 'neutral'}
        detail="refilled after the refill-by date, before the alarm"
        previous={previousCount(p.late)}
      />
      <HeadlineFigure
        label="After the alarm"
        value={count('after_alarm', h.afterAlarm)}
        tone={h.afterAlarm > 0 ? 'alert' : 'neutral'}
        detail="refilled only after the low-reservoir alarm"
        previous={previousCount(p.afterAlarm)}
      />
      <HeadlineFigure
        label="Not done"
        value={count('not_done', h.notDone)}
        tone={h.notDone > 0 ? 'alert' : 'neutral'}
        detail="fell due and still not refilled"
        previous={previousCount(p.notDone)}
      />
      <HeadlineFigure
        label="Overdue now"
        value={formatCount(h.overdueNow, 'pump', 'pumps')}
        tone={h.overdueNow > 0 ? 'alert' : 'good'}
        detail={
          <>
            past their refill-by date today; past the alarm now: {formatCount(h.pastAlarmNow, 'pump', 'pumps')}
            {h.overdueNow > 0 && (
              <>
                {' · '}
                <Anchor href="#overdue-now" size="xs" underline="always">
                  see the list
                </Anchor>
              </>
            )}
          </>
        }
      />
      <HeadlineFigure
        label="Median refill → alarm"
        value={median ? median.days : '—'}
        tone={h.medianDaysRefillToAlarm !== null && h.medianDaysRefillToAlarm < 0 ? 'alert' : 'neutral'}
        detail={median ? `${median.side}, the median over the refills done` : 'no refill was done in the period'}
        previous={`previous: ${formatMedianDays(p.medianDaysRefillToAlarm)}`}
      />
      <NoShowFigure noShows={h.noShows} previous={p.noShows} scope={scope} onOpen={onOpen} />
    </SimpleGrid>
  );
}
