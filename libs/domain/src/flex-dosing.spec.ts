import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlexStep, flexDailyTotalMcg, minutesOfDay, validateFlexSchedule } from './flex-dosing.js';

const step = (startTime: string, rateMcgPerHour: number): FlexStep => ({ startTime, rateMcgPerHour });
const hourly = (rates: readonly number[]) => rates.map((rate, h) => step(`${String(h).padStart(2, '0')}:00`, rate));

describe('minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['06:30', 390],
    ['23:59', 1439],
    ['24:00', null],
    ['7:30', null],
    ['07:60', null],
    ['0730', null],
  ])('%s → %s', (time, minutes) => {
    expect(minutesOfDay(time)).toBe(minutes);
  });
});

describe('flexDailyTotalMcg', () => {
  it.each([
    // 24 h × 20 mcg/h = 480.
    ['one step all day', [step('00:00', 20)], 480],
    // 8 h × 10 + 16 h × 20 = 80 + 320 = 400.
    ['a daytime increase', [step('00:00', 10), step('08:00', 20)], 400],
    // 6.5 h × 12.5 + 15.75 h × 25 + 1.75 h × 5 = 81.25 + 393.75 + 8.75 = 483.75 → 483.8.
    ['steps on the minute, rounded to 0.1', [step('00:00', 12.5), step('06:30', 25), step('22:15', 5)], 483.8],
    // 1439 min × 10 / 60 + 1 min × 70 / 60 = 239.833 + 1.167 = 241.0.
    ['a last step of one minute', [step('00:00', 10), step('23:59', 70)], 241],
    // 1 + 2 + … + 24 = 300.
    ['24 hourly steps', hourly(Array.from({ length: 24 }, (_, h) => h + 1)), 300],
    // 24 × 0.1 = 2.4 (0.1 is not exact in binary; the total still is).
    ['a small rate', [step('00:00', 0.1)], 2.4],
  ])('%s: %f mcg/day', (_name, steps, totalMcg) => {
    expect(flexDailyTotalMcg(steps)).toBe(totalMcg);
  });

  it('refuses a schedule that is not well formed', () => {
    expect(() => flexDailyTotalMcg([step('06:00', 10)])).toThrow(/steps\.0\.startTime/);
    expect(() => flexDailyTotalMcg([])).toThrow(RangeError);
  });

  it('is the constant-rate total however the day is split at one rate', () => {
    const minutesArb = fc.uniqueArray(fc.integer({ min: 1, max: 1439 }), { maxLength: 23 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1250 }).map((r) => r / 10),
        minutesArb,
        (rate, minutes) => {
          const starts = [0, ...minutes.sort((a, b) => a - b)];
          const time = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          expect(flexDailyTotalMcg(starts.map((m) => step(time(m), rate)))).toBeCloseTo(rate * 24, 6);
        },
      ),
    );
  });
});

describe('validateFlexSchedule', () => {
  it('accepts a well-formed schedule', () => {
    expect(validateFlexSchedule([step('00:00', 10), step('08:00', 20), step('20:00', 12.5)])).toEqual([]);
    expect(validateFlexSchedule(hourly(Array.from({ length: 24 }, () => 10)))).toEqual([]);
  });

  it.each([
    ['no steps', [], [{ field: 'steps', message: 'must have at least 1 step' }]],
    [
      '25 steps',
      [...hourly(Array.from({ length: 24 }, () => 1)), step('23:30', 1)],
      [{ field: 'steps', message: 'must have at most 24 steps' }],
    ],
    [
      'a first step after midnight',
      [step('06:00', 10)],
      [{ field: 'steps.0.startTime', message: 'the first step must start at 00:00' }],
    ],
    [
      '24:00 as a start',
      [step('00:00', 10), step('24:00', 5)],
      [{ field: 'steps.1.startTime', message: 'must be a time HH:MM from 00:00 to 23:59' }],
    ],
    [
      'a repeated start time',
      [step('00:00', 10), step('08:00', 20), step('08:00', 5)],
      [{ field: 'steps.2.startTime', message: 'must be later than the previous step' }],
    ],
    [
      'start times out of order',
      [step('00:00', 10), step('12:00', 20), step('08:00', 5)],
      [{ field: 'steps.2.startTime', message: 'must be later than the previous step' }],
    ],
    [
      'a negative rate',
      [step('00:00', -1)],
      [{ field: 'steps.0.rateMcgPerHour', message: 'must be a number of mcg/h, 0 or more' }],
    ],
    [
      'a rate that is not a number',
      [step('00:00', Number.NaN)],
      [{ field: 'steps.0.rateMcgPerHour', message: 'must be a number of mcg/h, 0 or more' }],
    ],
    ['nothing delivered', [step('00:00', 0)], [{ field: 'steps', message: 'must deliver more than 0 mcg/day' }]],
    // 24 h × 130 mcg/h = 3,120 mcg/day, above the 3,000 mcg/day entry-error ceiling (CLINICAL.md "Dosing").
    [
      'a total above 3,000 mcg/day',
      [step('00:00', 130)],
      [{ field: 'steps', message: 'delivers 3120.0 mcg/day, above the 3000 mcg/day maximum' }],
    ],
  ] as const)('reports %s', (_name, steps, problems) => {
    expect(validateFlexSchedule(steps)).toEqual(problems);
  });

  it('reports every problem at once, under the caller’s field name', () => {
    expect(validateFlexSchedule([step('01:00', 10), step('1:00', -5)], 'flexSchedule')).toEqual([
      { field: 'flexSchedule.0.startTime', message: 'the first step must start at 00:00' },
      { field: 'flexSchedule.1.startTime', message: 'must be a time HH:MM from 00:00 to 23:59' },
      { field: 'flexSchedule.1.rateMcgPerHour', message: 'must be a number of mcg/h, 0 or more' },
    ]);
  });

  it('allows exactly 3,000 mcg/day', () => {
    expect(validateFlexSchedule([step('00:00', 125)])).toEqual([]); // 24 × 125 = 3,000
  });
});
