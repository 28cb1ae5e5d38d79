import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { ReportDownloadMenu } from './report-download-menu';

const hrefs = () =>
  Object.fromEntries(screen.getAllByRole('menuitem').map((item) => [item.textContent, item.getAttribute('href')]));

describe('ReportDownloadMenu', () => {
  it('offers one CSV per section for the chosen period', async () => {
    renderWithProviders(<ReportDownloadMenu period={{ from: '2026-01-01', to: '2026-03-31' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByRole('menu');
    expect(hrefs()).toEqual({
      'Overdue now': '/api/reports/overdue.csv?from=2026-01-01&to=2026-03-31&section=overdue-now',
      'By month': '/api/reports/overdue.csv?from=2026-01-01&to=2026-03-31&section=months',
      'By primary specialist': '/api/reports/overdue.csv?from=2026-01-01&to=2026-03-31&section=specialists',
      'By who performed the refill': '/api/reports/overdue.csv?from=2026-01-01&to=2026-03-31&section=performers',
    });
    expect(screen.getAllByRole('menuitem').every((item) => item.hasAttribute('download'))).toBe(true);
  });

  it('leaves the dates out for the server’s default twelve months', async () => {
    renderWithProviders(<ReportDownloadMenu period={{ from: '', to: '' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByRole('menu');
    expect(hrefs()['By month']).toBe('/api/reports/overdue.csv?section=months');
  });
});
