import { describe, expect, it } from 'vitest';
import { appointment } from '../testing/appointments.fixture';
import { addWallMinutes, dayLoads, gridHours, slotOf, wallClockOf } from './calendar-events';

describe('calendar wall clock', () => {
  it("draws an appointment at the clinic's time, whatever the browser's zone", () => {
    // 08:30Z is 09:30 in Paris in November, 03:30 in New York.
    const a = { startsAt: '2026-11-24T08:30:00.000Z', startsOn: '2026-11-24' };
    expect(wallClockOf(a, 'Europe/Paris')).toBe('2026-11-24T09:30');
    expect(wallClockOf(a, 'Europe/London')).toBe('2026-11-24T08:30');
  });

  it('adds minutes across midnight, and reads a clicked slot back as clinic date and time', () => {
    expect(addWallMinutes('2026-11-24T23:45', 30)).toBe('2026-11-25T00:15');
    expect(slotOf('2026-11-24T14:15:00Z')).toEqual({ date: '2026-11-24', time: '14:15' });
  });

  it('counts the slots a day has taken: cancelled and no-show appointments free theirs', () => {
    const days = ['2026-11-24', '2026-11-25'];
    const loads = dayLoads(
      [
        appointment({ startsOn: '2026-11-24' }),
        appointment({ startsOn: '2026-11-24', status: 'fulfilled' }),
        appointment({ startsOn: '2026-11-24', status: 'cancelled' }),
        appointment({ startsOn: '2026-11-24', status: 'noshow' }),
        appointment({ startsOn: '2026-11-25', status: 'arrived' }),
      ],
      days,
      2,
    );
    expect(loads.get('2026-11-24')).toEqual({ booked: 2, capacity: 2, isFull: true });
    expect(loads.get('2026-11-25')).toEqual({ booked: 1, capacity: 2, isFull: false });
  });

  it("shows the clinic's hours with an hour either side, stretched to appointments outside them", () => {
    expect(gridHours('08:30', '17:00', [])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '18:00:00' });
    expect(
      gridHours('08:30', '17:00', [
        { start: '2026-11-24T06:15', end: '2026-11-24T06:45' },
        { start: '2026-11-24T19:00', end: '2026-11-24T19:30' },
      ]),
    ).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '20:00:00' });
  });
});
