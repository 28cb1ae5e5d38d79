import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { auditEventFixture, autoResolveFixture, fillCreatedFixture, PATIENT_ID } from '../testing/audit-event.fixture';
import { AuditEventsTable } from './audit-events-table';

const CHECK_IN = auditEventFixture();

function renderTable() {
  renderWithProviders(
    <AuditEventsTable
      events={[CHECK_IN, fillCreatedFixture(), autoResolveFixture()]}
      timeZone="Europe/London"
      getPatientHref={(id) => `/patients/${id}`}
    />,
  );
  return screen.getAllByRole('row').filter((row) => row.hasAttribute('data-event-id'));
}

describe('AuditEventsTable', () => {
  it("shows when (on the clinic's clock, zone shown), who, action, record and patient", () => {
    const [checkIn, fill, autoResolve] = renderTable();
    expect(within(checkIn!).getByText('23 Nov 2026, 09:02 GMT')).toBeTruthy();
    expect(within(checkIn!).getByText('Nurse Tom Hughes')).toBeTruthy();
    expect(within(checkIn!).getByText('Checked in')).toBeTruthy();
    // The action in words; its code only on hover.
    expect(within(checkIn!).getByTitle('appointment.arrived').textContent).toBe('Checked in');
    expect(within(checkIn!).queryByText('appointment.arrived')).toBeNull();
    expect(within(checkIn!).getByText('Appointment')).toBeTruthy();
    expect(within(checkIn!).getByRole('link', { name: 'Smith, Anna' }).getAttribute('href')).toBe(
      `/patients/${PATIENT_ID}`,
    );
    expect(within(fill!).getByText('Refill recorded')).toBeTruthy();
    expect(within(autoResolve!).getByText('System (automatic check)')).toBeTruthy();
    expect(within(autoResolve!).getByText('Refill recorded')).toBeTruthy();
  });

  it('opens a row onto its change: the changed field highlighted, unchanged ones on request', () => {
    const [checkIn] = renderTable();
    const toggle = within(checkIn!).getByRole('button', { name: /^Show change: Checked in/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const diff = screen.getByRole('table', { name: 'Change recorded by Checked in' });
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.contains(diff)).toBe(true);
    const [, status, ...others] = within(diff).getAllByRole('row');
    expect(others).toHaveLength(0);
    expect(status!.getAttribute('data-kind')).toBe('changed');
    expect(within(status!).getByRole('rowheader').textContent).toContain('Status');
    expect(within(status!).getByText('Changed')).toBeTruthy();
    expect(within(status!).getByText('booked')).toBeTruthy();
    expect(within(status!).getByText('arrived')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Show unchanged fields (2)'));
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(['changed', 'unchanged', 'unchanged']);
    expect(within(rows[1]!).getAllByText('23 Nov 2026, 09:00 GMT')).toHaveLength(2);
    expect(within(rows[2]!).getAllByText('30 min')).toHaveLength(2);
  });

  it('shows a creation as added fields with their units, and the raw JSON on request', () => {
    const [, fill] = renderTable();
    fireEvent.click(within(fill!).getByRole('button', { name: /^Show change: Refill recorded/ }));
    const diff = screen.getByRole('table', { name: 'Change recorded by Refill recorded' });
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows.every((row) => row.getAttribute('data-kind') === 'added')).toBe(true);
    expect(within(rows[0]!).getByText('20 mL')).toBeTruthy();
    expect(within(rows[0]!).getByText('not recorded')).toBeTruthy();
    expect(within(rows[1]!).getByText('2000 mcg/mL')).toBeTruthy();
    expect(within(rows[2]!).getByText('400 mcg/day')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show raw JSON' }));
    expect(screen.getByRole('group', { name: 'Before, raw JSON' }).textContent).toBe('null');
    expect(JSON.parse(screen.getByRole('group', { name: 'After, raw JSON' }).textContent!)).toEqual(
      fillCreatedFixture().after,
    );
  });

  it('shows the reason an event gives', () => {
    const [, , autoResolve] = renderTable();
    fireEvent.click(within(autoResolve!).getByRole('button', { name: /^Show change/ }));
    expect(screen.getByText('Reason:')).toBeTruthy();
  });
});
