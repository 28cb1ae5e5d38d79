import type { ReplacementWorklistRow } from '@itb/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { json, mockApi, on } from '../../pumps/testing/mock-api';
import { ReplacementWorklist } from './replacement-worklist';

const row = (overrides: Partial<ReplacementWorklistRow>): ReplacementWorklistRow => ({
  pumpId: '0b28684d-2870-45a1-8302-cbe31cebff41',
  patientId: '9216c40d-e5cf-46bb-9608-ad38a51ca131',
  patientName: 'Smith, Anna',
  mrn: 'NS-000001',
  modelLabel: 'SynchroMed II 20 mL',
  serialNumber: 'NGP123456H',
  implantedOn: '2021-06-01',
  dueOn: '2026-06-01',
  isEstimate: true,
  daysLeft: 87,
  nextConsult: null,
  ...overrides,
});

describe('ReplacementWorklist', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists pumps by replacement date, says what is estimated and what has passed, and books a consult', async () => {
    const passed = row({
      pumpId: '0b28684d-2870-45a1-8302-cbe31cebff42',
      patientName: 'Jones, Bea',
      dueOn: '2026-03-01',
      daysLeft: -5,
      isEstimate: false,
    });
    const booked = row({
      pumpId: '0b28684d-2870-45a1-8302-cbe31cebff43',
      patientName: 'Khan, Omar',
      nextConsult: {
        id: '1a8fb0a2-0000-4000-8000-000000000001',
        startsAt: '2026-03-20T10:00:00.000Z',
        status: 'booked',
      },
    });
    const api = mockApi(
      on('GET', '/api/replacement-worklist', () => json(200, { items: [passed, row({}), booked], nextCursor: null })),
    );
    const onBook = vi.fn();
    renderWithProviders(
      <ReplacementWorklist
        withinDays={180}
        onWithinDaysChange={vi.fn()}
        timeZone="Europe/London"
        getPatientHref={(id) => `/patients/${id}`}
        onBook={onBook}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Replacement worklist' });
    const [first, second, third] = within(table).getAllByRole('row').slice(1);
    expect(first!.textContent).toContain('Passed 5 days ago');
    expect(first!.textContent).toContain('From interrogation');
    expect(second!.textContent).toContain('In 87 days');
    expect(second!.textContent).toContain('Estimate: interrogate to confirm');
    expect(third!.textContent).toContain('Fri 20 Mar 2026, 10:00 · Booked');
    fireEvent.click(within(second!).getByRole('button', { name: 'Book consult for Smith, Anna' }));
    expect(onBook).toHaveBeenCalledWith(expect.objectContaining({ patientName: 'Smith, Anna' }));
    expect(screen.getByText('Showing 3 pumps, 1 past due')).toBeTruthy();
    expect(api.callsTo('GET', '/api/replacement-worklist')).toHaveLength(1);
  });
});
