import { addDays } from '@itb/domain';
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

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of a month given as year and 1-based month; month 13 rolls into the next year. */
function monthStart(year: number, month: number): string {
  const zeroBased = month - 1;
  const y = year + Math.floor(zeroBased / 12);
  const m = (((zeroBased % 12) + 12) % 12) + 1;
  return `${y}-${pad(m)}-01`;
}

/** The whole months `firstMonth` … `firstMonth + count − 1`, as inclusive clinic dates. */
function wholeMonths(year: number, firstMonth: number, count: number): OverdueReportParams {
  return { from: monthStart(year, firstMonth), to: addDays(monthStart(year, firstMonth + count), -1) };
}

/**
 * A preset's period for the clinic's today (`YYYY-MM-DD` in the clinic's zone). Months and quarters are
 * whole, so the server compares them with the whole month or quarter before; "last 12 months" is the
 * server's default, sent as no dates at all.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): OverdueReportParams {
  const match = LOCAL_DATE.exec(today);
  if (!match) throw new Error(`not a clinic date: ${today}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  switch (preset) {
    case 'this-month':
      return wholeMonths(year, month, 1);
    case 'last-month':
      return wholeMonths(year, month - 1, 1);
    case 'this-quarter':
      return wholeMonths(year, month - ((month - 1) % 3), 3);
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

const isRealDate = (value: string): boolean => {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};

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
