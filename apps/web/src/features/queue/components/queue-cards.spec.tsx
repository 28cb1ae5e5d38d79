import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { queueRow } from '../testing/queue-row.fixture';
import { QueueCards } from './queue-cards';

const TODAY = '2026-11-23';

describe('QueueCards (the queue on a phone)', () => {
  it('gives each pump a card with its overdue state, refill-by date, worst flag and a Book button', () => {
    const onBook = vi.fn();
    const overdue = queueRow({
      pumpId: 'p1',
      isOverdue: true,
      daysOverdue: 10,
      refillBy: '2026-11-13',
      daysToAlarm: -5,
      proposedDate: TODAY,
      nextAppointment: null,
    });
    renderWithProviders(
      <QueueCards
        rows={[overdue, queueRow({ pumpId: 'p2', patientName: 'Jones, Bea' })]}
        timeZone="Europe/London"
        today={TODAY}
        getPatientHref={(id) => `/patients/${id}`}
        getCalendarDayHref={(date) => `/calendar?view=day&date=${date}`}
        onBook={onBook}
      />,
    );
    const list = screen.getByRole('list', { name: 'Due-refill queue' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.getAttribute('data-overdue')).toBe('true');
    expect(first!.style.borderLeft).toContain('red');
    expect(within(first!).getByText('Overdue 10 days')).toBeTruthy();
    expect(within(first!).getByText('13 Nov 2026')).toBeTruthy();
    expect(within(first!).getByText('Alarm passed')).toBeTruthy();
    fireEvent.click(within(first!).getByRole('button', { name: `Book refill for ${overdue.patientName}` }));
    expect(onBook).toHaveBeenCalledWith(overdue);
    expect(second!.getAttribute('data-overdue')).toBeNull();
    expect(within(second!).getByRole('link', { name: 'Jones, Bea' })).toBeTruthy();
  });
});
