import { localDateSchema } from '@itb/contracts';
import { addMonths, monthEnd, monthStart } from '@itb/domain';
import type { OverdueReportParams } from '../../../lib/query-keys';

export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-12-months', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-12-months': 'Last 12 months',
  custom: 'Custom',
};

/** A month and its last day, as inclusive clinic dates. */
const wholeMonth = (first: string): OverdueReportParams => ({ from: first, to: monthEnd(first) });

/**
 * A preset's period for the clinic's today (`YYYY-MM-DD` in the clinic's zone). Months and quarters are
 * whole, so the server compares them with the whole month or quarter before; "last 12 months" is the
 * server's default, sent as no dates at all.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): OverdueReportParams {
  if (!localDateSchema.safeParse(today).success) throw new Error(`not a clinic date: ${today}`);
  switch (preset) {
    case 'this-month':
      return wholeMonth(monthStart(today));
    case 'last-month':
      return wholeMonth(addMonths(today, -1));
    case 'this-quarter': {
      const first = addMonths(today, -((Number(today.slice(5, 7)) - 1) % 3));
      return { from: first, to: monthEnd(addMonths(first, 2)) };
    }
    case 'last-12-months':
      return { from: '', to: '' };
  }
}

/** Which preset a period (from the address) is, for today; anything else is custom. */
export function presetOf(period: OverdueReportParams, today: string): PeriodPreset {
  if (!period.from && !period.to) return 'last-12-months';
  for (const preset of ['this-month', 'last-month', 'this-quarter'] as const) {
    const candidate = presetPeriod(preset, today);
    if (candidate.from === period.from && candidate.to === period.to) return preset;
  }
  return 'custom';
}

const isRealDate = (value: string): boolean => localDateSchema.safeParse(value).success;

/** What is wrong with a custom period, field by field; empty when it can be shown. */
export function customPeriodErrors(period: OverdueReportParams): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!period.from) errors.from = 'Choose the first day';
  else if (!isRealDate(period.from)) errors.from = 'Not a date';
  if (!period.to) errors.to = 'Choose the last day';
  else if (!isRealDate(period.to)) errors.to = 'Not a date';
  if (!errors.from && !errors.to && period.from > period.to) errors.to = 'Must not be before From';
  return errors;
}

/** A period from the address: only whole, ordered clinic dates count; anything else is the default. */
export function periodFromSearch(search: URLSearchParams): OverdueReportParams {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const period = { from, to };
  return Object.keys(customPeriodErrors(period)).length === 0 ? period : { from: '', to: '' };
}
