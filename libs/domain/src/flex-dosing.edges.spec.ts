import { describe, expect, it } from 'vitest';
import { flexDailyTotalMcg, minutesOfDay, validateFlexSchedule } from './flex-dosing.js';

const step = (startTime: string, rateMcgPerHour: number) => ({ startTime, rateMcgPerHour });

describe('flex schedules at the edges', () => {
  it.each(['x08:00', '08:000', ' 08:00'])('refuses %j as a time: the whole text must be HH:MM', (time) => {
    expect(minutesOfDay(time)).toBeNull();
  });

  it('still compares a step with the last valid start when one between is unreadable', () => {
    const problems = validateFlexSchedule([step('00:00', 10), step('7 am', 10), step('00:00', 10)]);
    expect(problems).toEqual([
      { field: 'steps.1.startTime', message: 'must be a time HH:MM from 00:00 to 23:59' },
      { field: 'steps.2.startTime', message: 'must be later than the previous step' },
    ]);
  });

  it('lists every problem in its error, separated', () => {
    expect(() => flexDailyTotalMcg([step('06:00', 10), step('05:00', -1)])).toThrow(
      new RangeError(
        'Invalid flex schedule: steps.0.startTime the first step must start at 00:00; ' +
          'steps.1.startTime must be later than the previous step; ' +
          'steps.1.rateMcgPerHour must be a number of mcg/h, 0 or more',
      ),
    );
  });
});
