import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { appointment } from '../testing/appointments.fixture';
import { PumpStateLine } from './pump-state-line';

describe('PumpStateLine (a visit still to happen)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('says an empty pump first, in words and with the time without drug, and a patient who is late', () => {
    renderWithProviders(
      <PumpStateLine
        appointment={appointment({
          startsAt: '2026-11-30T09:00:00.000Z',
          pump: { alarmAt: '2026-11-20T08:00:00.000Z', emptyAt: '2026-11-28T08:00:00.000Z', volumeNowMl: 0 },
        })}
        timeZone="Europe/London"
      />,
    );
    expect(screen.getByTestId('visit-pump-state').textContent).toBe('Empty since 28 Nov 2026 — 2 days without drug');
    expect(screen.getByText('Late: not checked in')).toBeTruthy();
  });

  it('counts the days to the alarm for a pump that still has drug, and says nothing once the visit is over', () => {
    const visit = appointment({
      startsAt: '2026-11-30T14:00:00.000Z',
      pump: { alarmAt: '2026-12-03T09:00:00.000Z', emptyAt: '2026-12-13T09:00:00.000Z', volumeNowMl: 2.6 },
    });
    const { unmount } = renderWithProviders(<PumpStateLine appointment={visit} timeZone="Europe/London" />);
    expect(screen.getByTestId('visit-pump-state').textContent).toBe('2.6 mL left · alarm in 2 days');
    expect(screen.queryByText('Late: not checked in')).toBeNull();
    unmount();
    renderWithProviders(<PumpStateLine appointment={{ ...visit, status: 'fulfilled' }} timeZone="Europe/London" />);
    expect(screen.queryByTestId('visit-pump-state')).toBeNull();
  });
});
