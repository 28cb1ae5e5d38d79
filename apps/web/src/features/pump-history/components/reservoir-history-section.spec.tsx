import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
// The shared fetch stub of the dashboard's specs (test code only).
import { fail, ok, stubFetch } from '../../flags/testing/fetch-stub';
import {
  dayAt,
  FIRST_FILL_ID,
  HISTORY_PUMP_ID,
  REFILL_ID,
  reservoirHistoryFixture,
} from '../testing/reservoir-history.fixture';
import { ReservoirHistorySection } from './reservoir-history-section';

const renderSection = () =>
  renderWithProviders(<ReservoirHistorySection pumpId={HISTORY_PUMP_ID} timeZone="Europe/London" />);

const fillPoints = () =>
  screen.getAllByTestId('fill-point').map((el) => ({
    id: el.getAttribute('data-fill-id'),
    volumeAfterMl: el.getAttribute('data-volume-after-ml'),
    residualMl: el.getAttribute('data-residual-ml'),
    expectedMl: el.getAttribute('data-expected-residual-ml'),
  }));

describe('ReservoirHistorySection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("loads the pump's history and draws every fill with its numbers", async () => {
    const api = stubFetch(() => ok(reservoirHistoryFixture()));
    renderSection();
    expect(screen.getByRole('status').textContent).toBe('Loading the reservoir and dose history');
    const chart = await screen.findByRole('img', { name: /^Reservoir volume since 2 Mar 2026/ });
    expect(api.calls.map((c) => c.path)).toEqual([`/api/pumps/${HISTORY_PUMP_ID}/reservoir-history`]);
    expect(fillPoints()).toEqual([
      { id: FIRST_FILL_ID, volumeAfterMl: '20', residualMl: null, expectedMl: null },
      { id: REFILL_ID, volumeAfterMl: '18', residualMl: '7.5', expectedMl: '8.2' },
    ]);
    expect(chart.getAttribute('aria-label')).toContain('Last refill 21 Apr 2026: 7.5 mL found, 8.2 mL expected');
    // The refill shows the expected ring, the found dot and the connector between them.
    const refill = screen.getAllByTestId('fill-point')[1]!;
    expect(refill.querySelectorAll('circle')).toHaveLength(2);
    expect(refill.querySelector('title')?.textContent).toBe(
      'Refill 21 Apr 2026, 10:00 BST: 7.5 mL found, 8.2 mL expected (-0.7 mL); filled to 18 mL',
    );
    expect(within(chart).getByTestId('projected-line')).toBeTruthy();
    expect(chart.textContent).toContain('Alarm 2 mL');
    expect(chart.textContent).toContain('Empty 28 May 2026');
  });

  it('draws the daily dose with each concentration marked, on axes with units', async () => {
    stubFetch(() => ok(reservoirHistoryFixture()));
    renderSection();
    const chart = await screen.findByRole('img', { name: /^Daily dose now 480 mcg\/day at 1,000 mcg\/mL/ });
    expect(
      within(chart)
        .getAllByTestId('concentration-mark')
        .map((m) => m.getAttribute('data-concentration-mcg-per-ml')),
    ).toEqual(['2000', '1000']);
    expect(chart.textContent).toContain('400 mcg/day');
    expect(screen.getByTestId('reservoir-chart').textContent).toContain('20 mL');
    expect(screen.getByRole('heading', { level: 2, name: 'Reservoir and dose history' })).toBeTruthy();
  });

  it('lists the fill numbers in a table for those who cannot see the chart', async () => {
    stubFetch(() => ok(reservoirHistoryFixture()));
    renderSection();
    const table = await screen.findByTestId('fill-numbers');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2 Mar 2026, 09:00 GMT (first fill)———20 mL',
      '21 Apr 2026, 10:00 BST7.5 mL8.2 mL-0.7 mL (+5.9% delivery)18 mL',
    ]);
  });

  it('offers the last 12 months once the history is longer than a year, and leaves out older fills', async () => {
    stubFetch(() => ok(reservoirHistoryFixture({ asOf: dayAt(430), projected: null })));
    renderSection();
    await screen.findByRole('img', { name: /^Reservoir volume/ });
    expect(screen.getAllByTestId('fill-point')).toHaveLength(2);
    fireEvent.click(screen.getByRole('radio', { name: 'Last 12 months' }));
    // From day 65 (430 − 365) less 7.3 days' padding: the fills of day 0 and day 50 fall before the range.
    expect(screen.queryAllByTestId('fill-point')).toHaveLength(0);
    fireEvent.click(screen.getByRole('radio', { name: 'Since implant' }));
    expect(screen.getAllByTestId('fill-point')).toHaveLength(2);
  });

  it('has no range choice for a history under a year', async () => {
    stubFetch(() => ok(reservoirHistoryFixture()));
    renderSection();
    await screen.findByRole('img', { name: /^Reservoir volume/ });
    expect(screen.queryByRole('radiogroup', { name: 'Chart range' })).toBeNull();
  });

  it('says so when the pump has no fills', async () => {
    stubFetch(() => ok(reservoirHistoryFixture({ fillPoints: [], volumeLine: [], doseSteps: [], projected: null })));
    renderSection();
    expect(await screen.findByText(/No fills are recorded for this pump yet/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows the error with a retry that loads again', async () => {
    let attempts = 0;
    stubFetch(() => (++attempts === 1 ? fail(500, 'INTERNAL', 'Something went wrong') : ok(reservoirHistoryFixture())));
    renderSection();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the reservoir history');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('img', { name: /^Reservoir volume/ })).toBeTruthy();
  });
});
