import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { fail, ok, stubFetch, type StubbedCall } from '../testing/fetch-stub';
import { overdueNowRow, overdueReport, reportPatients } from '../testing/report.fixture';
import { OverdueReportView } from './overdue-report';

const REPORT = '/api/reports/overdue';
const PATIENTS = '/api/reports/overdue/patients';
const OVERDUE_NOW = '/api/reports/overdue/now';

function answerWith(patients: (call: StubbedCall) => { status: number; body?: unknown }) {
  return stubFetch((call) => (call.path === PATIENTS ? patients(call) : ok(overdueReport())));
}

function renderReport() {
  renderWithProviders(
    <OverdueReportView
      period={{ from: '', to: '' }}
      today="2026-03-25"
      onPeriodChange={vi.fn()}
      getPatientHref={(id) => `/patients/${id}`}
      actions={null}
    />,
  );
}

describe('OverdueReportView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the patients behind a month’s late count, asking for that measure and month', async () => {
    const api = answerWith(() => ok(reportPatients()));
    renderReport();
    const months = await screen.findByRole('table', { name: 'Refills by the month they fell due' });
    fireEvent.click(
      within(months).getByRole('button', { name: /^Refills done late, before the alarm, Jan 2026: 1\./ }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Refills done late, before the alarm · Jan 2026' });
    await within(dialog).findByRole('link', { name: 'Hopper, Grace' });
    const [asked] = api.to(PATIENTS);
    expect(Object.fromEntries(asked!.search)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      measure: 'late',
      month: '2026-01',
    });
    expect(within(dialog).getByRole('link', { name: 'Hopper, Grace' }).getAttribute('href')).toBe('/patients/p-grace');
    const row = within(dialog).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('MRN-0002');
    expect(row.textContent).toContain('31 Jan 2026');
    expect(row.textContent).toContain('3 Feb 2026');
    expect(within(dialog).getByTestId('report-patients-total').textContent).toBe('1 refill, oldest due first.');
  });

  it('asks for specialistId "none" from the row of patients without a primary specialist', async () => {
    const api = answerWith(() => ok(reportPatients({ measure: 'after_alarm', month: null })));
    renderReport();
    const bySpecialist = await screen.findByRole('table', { name: 'Refills by primary specialist' });
    const noneRow = within(bySpecialist).getByRole('row', { name: /No primary specialist/ });
    fireEvent.click(within(noneRow).getByRole('button', { name: /^Refills done after the alarm/ }));
    await waitFor(() => expect(api.to(PATIENTS)).toHaveLength(1));
    expect(Object.fromEntries(api.to(PATIENTS)[0]!.search)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      measure: 'after_alarm',
      specialistId: 'none',
    });
  });

  it('says when nobody is behind a count, and when the list could not be loaded', async () => {
    let answer = ok(reportPatients({ items: [], total: 0 }));
    answerWith(() => answer);
    renderReport();
    // The headline's rate and the month table's whole-period footer open the same list.
    const [onTime] = await screen.findAllByRole('button', {
      name: /^Refills done on time, 1 Jan 2026 – 31 Mar 2026: 9\./,
    });
    fireEvent.click(onTime!);
    expect(await screen.findByText('No patients behind this count.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close the list' }));

    answer = fail(500, 'INTERNAL', 'Something went wrong');
    fireEvent.click(screen.getByRole('button', { name: /^Refills not done, 1 Jan 2026 – 31 Mar 2026: 1 refill\./ }));
    expect(await screen.findByText('Could not load the patients')).toBeTruthy();
  });

  it('switches the responsibility table from the primary specialist to who performed the refill', async () => {
    answerWith(() => ok(reportPatients()));
    renderReport();
    await screen.findByRole('table', { name: 'Refills by primary specialist' });
    expect(screen.queryByRole('table', { name: 'Refills by who performed them' })).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Performed by' }));
    const byPerformer = screen.getByRole('table', { name: 'Refills by who performed them' });
    expect(screen.queryByRole('table', { name: 'Refills by primary specialist' })).toBeNull();
    const ruiz = within(byPerformer).getByRole('row', { name: /Nurse Ruiz/ });
    // 6 on time of 7 done: 85.7 %.
    expect(ruiz.textContent).toContain('6 of 7 (85.7 %)');
    expect(screen.getByRole('heading', { name: 'By who performed the refill' })).toBeTruthy();
  });

  it('lists every month of the period, the empty one included, with its rate in numbers', async () => {
    answerWith(() => ok(reportPatients()));
    renderReport();
    const months = await screen.findByRole('table', { name: 'Refills by the month they fell due' });
    const rows = within(months).getAllByRole('row');
    // Head, three months, the whole period.
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual([
      'Month due',
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Whole period',
    ]);
    expect(rows[1]!.textContent).toContain('4 of 5 (80.0 %)');
    expect(rows[2]!.textContent).toContain('0 of 0 (—)');
    // 5 on time of 7: 71.4 %.
    expect(rows[3]!.textContent).toContain('5 of 7 (71.4 %)');
    const chartList = screen.getByRole('list', { name: 'On-time rate by month' });
    expect(
      within(chartList)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Jan 2026: 4 of 5 (80.0 %) on time',
      'Feb 2026: no refill fell due',
      'Mar 2026: 5 of 7 (71.4 %) on time',
    ]);
  });

  it('shows the first page of the pumps overdue now and loads the rest from its cursor, a page at a time', async () => {
    const first = overdueNowRow();
    const second = overdueNowRow({ patientId: 'p-alan', patientName: 'Turing, Alan', pumpId: 'pump-alan' });
    const third = overdueNowRow({ patientId: 'p-edsger', patientName: 'Dijkstra, Edsger', pumpId: 'pump-edsger' });
    const report = overdueReport({
      overdueNow: [first],
      overdueNowNextCursor: 'after-ada',
      headline: { ...overdueReport().headline, overdueNow: 3 },
    });
    const api = stubFetch((call) => {
      if (call.path === OVERDUE_NOW) {
        return call.search.get('cursor') === 'after-ada'
          ? ok({ items: [second], nextCursor: 'after-alan' })
          : ok({ items: [third], nextCursor: null });
      }
      return ok(report);
    });
    renderReport();
    const table = await screen.findByRole('table', { name: 'Overdue now' });
    expect(within(table).getAllByRole('row')).toHaveLength(2); // head + Ada
    expect(screen.getByText('Showing 1 of 3 pumps, most overdue first')).toBeTruthy();
    // Nothing more is fetched before it is asked for.
    expect(api.to(OVERDUE_NOW)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByRole('link', { name: 'Turing, Alan' });
    expect(api.to(OVERDUE_NOW)[0]!.search.get('cursor')).toBe('after-ada');
    expect(screen.getByText('Showing 2 of 3 pumps, most overdue first')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByRole('link', { name: 'Dijkstra, Edsger' });
    expect(api.to(OVERDUE_NOW)[1]!.search.get('cursor')).toBe('after-alan');
    const patientLinks = within(table)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('/patients/'));
    expect(patientLinks.map((link) => link.textContent)).toEqual(['Lovelace, Ada', 'Turing, Alan', 'Dijkstra, Edsger']);
    expect(screen.getByText('3 pumps, most overdue first')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('pages the patients behind a count with "Load more", keeping the total', async () => {
    const grace = reportPatients().items[0]!;
    const alan = { ...grace, patientId: 'p-alan', patientName: 'Turing, Alan', mrn: 'MRN-0003' };
    const api = answerWith((call) =>
      call.search.get('cursor') === 'after-grace'
        ? ok(reportPatients({ items: [alan], total: 2, nextCursor: null }))
        : ok(reportPatients({ items: [grace], total: 2, nextCursor: 'after-grace' })),
    );
    renderReport();
    const months = await screen.findByRole('table', { name: 'Refills by the month they fell due' });
    fireEvent.click(
      within(months).getByRole('button', { name: /^Refills done late, before the alarm, Jan 2026: 1\./ }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Refills done late, before the alarm · Jan 2026' });
    await within(dialog).findByRole('link', { name: 'Hopper, Grace' });
    expect(within(dialog).getByTestId('report-patients-total').textContent).toBe(
      'Showing 1 of 2 refills, oldest due first.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Load more' }));
    await within(dialog).findByRole('link', { name: 'Turing, Alan' });
    expect(api.to(PATIENTS)[1]!.search.get('cursor')).toBe('after-grace');
    expect(within(dialog).getByTestId('report-patients-total').textContent).toBe('2 refills, oldest due first.');
    expect(within(dialog).queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows an error with a retry when the report cannot be loaded', async () => {
    const api = stubFetch(() => fail(503, 'DATABASE_UNAVAILABLE', 'The database is not answering'));
    renderReport();
    expect(await screen.findByText('Could not load the report')).toBeTruthy();
    expect(api.to(REPORT)).toHaveLength(1);
    expect(api.to(REPORT)[0]!.search.toString()).toBe('');
  });
});
