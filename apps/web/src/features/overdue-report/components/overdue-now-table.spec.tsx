import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { overdueNowRow } from '../testing/report.fixture';
import { OverdueNowTable } from './overdue-now-table';

const cellOf = (row: HTMLElement, column: string) => {
  const table = row.closest('table')!;
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);
  return row.children[headers.indexOf(column)]!.textContent;
};

describe('OverdueNowTable', () => {
  it('gives what a coordinator needs to reach the patient, times on the clinic’s clock', () => {
    renderWithProviders(
      <OverdueNowTable
        rows={[
          overdueNowRow(),
          overdueNowRow({
            patientId: 'p-alan',
            pumpId: 'pump-alan',
            patientName: 'Turing, Alan',
            isHighRisk: false,
            phone: null,
            emergencyContact: null,
            primarySpecialistName: null,
            isPastAlarm: true,
            appointment: null,
          }),
        ]}
        timeZone="Europe/London"
        getPatientHref={(id) => `/patients/${id}`}
      />,
    );
    const [, ada, alan] = within(screen.getByRole('table', { name: 'Overdue now' })).getAllByRole('row');
    expect(within(ada!).getByRole('link', { name: 'Lovelace, Ada' }).getAttribute('href')).toBe('/patients/p-ada');
    expect(within(ada!).getByText('High risk')).toBeTruthy();
    expect(cellOf(ada!, 'Overdue')).toContain('5 days');
    expect(cellOf(ada!, 'Phone')).toBe('+44 20 7946 0001');
    expect(within(ada!).getByRole('link', { name: '+44 20 7946 0001' }).getAttribute('href')).toBe('tel:+442079460001');
    expect(cellOf(ada!, 'Emergency contact')).toBe('Byron, Anne (mother) +44 20 7946 0002');
    expect(cellOf(ada!, 'Primary specialist')).toBe('Dr Okafor');
    // 26 Mar 2026 is still GMT in London (BST starts 29 Mar): 09:00 UTC is 09:00 there.
    expect(cellOf(ada!, 'Refill appointment')).toBe('Missed26 Mar 2026, 09:00 GMT');
    expect(cellOf(ada!, 'Last refill')).toBe('20 Dec 2025');
    // 1 Apr 2026 is BST (UTC+1): 10:30 UTC is 11:30 on the clinic's clock.
    expect(cellOf(ada!, 'Projected empty')).toBe('1 Apr 2026, 11:30 BST');

    expect(within(alan!).queryByText('High risk')).toBeNull();
    expect(within(alan!).getByText('Past alarm')).toBeTruthy();
    expect(cellOf(alan!, 'Refill appointment')).toBe('None booked');
    expect(cellOf(alan!, 'Phone')).toBe('—');
    expect(cellOf(alan!, 'Primary specialist')).toBe('—');
  });

  it('says so when no pump is overdue', () => {
    renderWithProviders(<OverdueNowTable rows={[]} timeZone="Europe/London" getPatientHref={(id) => id} />);
    expect(screen.getByText('No pump is past its refill-by date.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
