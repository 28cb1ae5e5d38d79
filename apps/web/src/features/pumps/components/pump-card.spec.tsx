import type { PumpResponse } from '@itb/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { WORKED_PUMP } from '../testing/worked-pump.fixture';
import { PumpCard } from './pump-card';

const pump: typeof WORKED_PUMP & { projection: NonNullable<PumpResponse['projection']> } = {
  ...WORKED_PUMP,
  catheterTipLevel: 'T10',
  eriDate: '2030-06-01',
  replacement: { dueOn: '2030-06-01', isEstimate: false },
  projection: {
    volumeNowMl: 13.2,
    dailyVolumeMl: 0.22,
    alarmAt: '2026-12-24T17:00:00.000Z',
    emptyAt: '2026-12-28T21:00:00.000Z',
    refillBy: '2026-12-19',
    daysToAlarm: 31,
    isRefillByStabilityCapped: false,
  },
};

const renderCard = (overrides: Partial<typeof pump> = {}) =>
  renderWithProviders(
    <PumpCard pump={{ ...pump, ...overrides }} timeZone="Europe/London" today="2026-11-23" dueSoonWindowDays={14} />,
  );

describe('PumpCard', () => {
  it('shows the volume now as a gauge labelled with mL and per cent', () => {
    renderCard();
    const gauge = screen.getByRole('img', { name: /^Volume now/ });
    expect(gauge.getAttribute('aria-label')).toBe(
      'Volume now 13.2 mL, 66% of the 20 mL reservoir; the alarm sounds at 2 mL',
    );
    expect(gauge.textContent).toContain('13.2 mL');
    expect(gauge.textContent).toContain('66% full');
  });

  it('keeps days to alarm, the alarm and refill-by dates, the ERI date and the catheter tip in view', () => {
    renderCard();
    const card = screen.getByRole('region', { name: 'Pump' });
    expect(card.textContent).toContain('31 days');
    expect(card.textContent).toContain('24 Dec 2026, 17:00 GMT');
    expect(card.textContent).toContain('19 Dec 2026');
    expect(card.textContent).toContain('ERI / replacement1 Jun 2030 (from interrogation)');
    expect(card.textContent).toContain('Catheter tip levelT10');
  });

  it('says an ERI date without interrogation is the estimate at the shortest typical battery life', () => {
    renderCard({ eriDate: null, replacement: { dueOn: '2031-08-03', isEstimate: true } });
    const card = screen.getByRole('region', { name: 'Pump' });
    expect(card.textContent).toContain(
      'ERI / replacementAbout 3 Aug 2031 (estimate: 5 years from implant, the shortest typical battery life; interrogate to confirm)',
    );
    renderCard({ model: 'other', eriDate: null, replacement: null });
    expect(screen.getAllByRole('region', { name: 'Pump' })[1]!.textContent).toContain('ERI / replacementNot recorded');
  });

  it('turns the gauge red once the volume is at the alarm', () => {
    renderCard({ projection: { ...pump.projection, volumeNowMl: 1.5, daysToAlarm: -2 } });
    const gauge = screen.getByRole('img', { name: /^Volume now 1.5 mL, 8% of/ });
    const curveColors = [...gauge.querySelectorAll('circle')].map((c) => c.style.getPropertyValue('--curve-color'));
    expect(curveColors).toContain('var(--mantine-color-red-9)');
    expect(screen.getByText('Alarm reached')).toBeTruthy();
  });
});
