import type { ReportRate } from '@itb/contracts';
import type { OpenDrill } from '../lib/drill-target';
import { formatPct } from '../lib/report-format';
import { CountButton } from './count-button';

interface OnTimeRateProps {
  rate: ReportRate;
  scope: string;
  month?: string;
  specialistId?: string;
  onOpen: OpenDrill;
}

/** "41 of 50 (82.0 %)": on time over fell due, each count opening its patients. */
export function OnTimeRate({ rate, scope, month, specialistId, onOpen }: OnTimeRateProps) {
  const where = { scope, month, specialistId, onOpen };
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <CountButton count={rate.numerator} measure="on_time" {...where} /> of{' '}
      <CountButton count={rate.denominator} measure="fell_due" {...where} /> ({formatPct(rate.pct)})
    </span>
  );
}
