import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { appointment, backgroundReads, clinic, slotPreview, stubFetch } from '../testing/appointments.fixture';
import { BookAppointmentModal } from './book-appointment-modal';

const PATIENT = {
  patientId: '7d0c2f1e-0000-4000-8000-000000000001',
  patientName: 'Smith, Anna',
  proposedDate: '2026-11-27',
  refillBy: '2026-11-28',
};

function openDialog(onClose = vi.fn()) {
  renderWithProviders(
    <BookAppointmentModal patient={PATIENT} clinic={clinic()} today="2026-11-23" onClose={onClose} />,
  );
  return onClose;
}

const book = () => fireEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

describe('BookAppointmentModal', () => {
  // Only the clock is faked: the defaults depend on the clinic's "now", the rest runs for real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("starts on the proposed date at the clinic's opening time, a 30-minute refill", () => {
    stubFetch(() => ({ status: 500, body: {} }));
    openDialog();
    expect((screen.getByLabelText(/^Date/) as HTMLInputElement).value).toBe('2026-11-27');
    expect((screen.getByLabelText(/^Time/) as HTMLInputElement).value).toBe('08:30');
    expect((screen.getByLabelText('Type') as HTMLSelectElement).value).toBe('refill');
    expect((screen.getByLabelText('Duration') as HTMLSelectElement).value).toBe('30');
    expect(screen.getByText(/proposed Fri 27 Nov 2026/)).toBeTruthy();
  });

  it("books the clinic's wall-clock time with one idempotency key for every attempt", async () => {
    let attempt = 0;
    const sent = stubFetch(() =>
      ++attempt === 1
        ? { status: 503, body: { code: 'INTERNAL', message: 'The server is busy. Try again.', details: [] } }
        : { status: 201, body: appointment({ startsAt: '2026-11-27T08:30:00.000Z', startsOn: '2026-11-27' }) },
    );
    const onClose = openDialog();
    book();
    expect(await screen.findByText('The server is busy. Try again.')).toBeTruthy();
    book();
    await waitFor(() => expect(onClose).toHaveBeenCalled());

    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toEqual({
      patientId: PATIENT.patientId,
      type: 'refill',
      startsAt: '2026-11-27T08:30:00.000Z',
      durationMinutes: 30,
    });
    const keys = sent.map((request) => request.headers['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("shows the pump's dates and the server's checks for the slot before booking, then the saved warnings", async () => {
    const asked: unknown[] = [];
    stubFetch(
      () => ({
        status: 201,
        body: appointment({
          startsAt: '2026-11-28T08:30:00.000Z',
          startsOn: '2026-11-28',
          warnings: ['28 Nov 2026 is not a clinic day'],
        }),
      }),
      backgroundReads((request) => {
        asked.push(request.body);
        const saturday = (request.body as { startsAt: string }).startsAt.startsWith('2026-11-28');
        return slotPreview({ warnings: saturday ? ['28 Nov 2026 is not a clinic day'] : [] });
      }),
    );
    const onClose = openDialog();
    const checks = await screen.findByTestId('booking-checks');
    expect(checks.textContent).toContain('Low-reservoir alarm2 Dec 2026, 09:00 GMT');
    expect(checks.textContent).toContain('Refill by30 Nov 2026');
    expect(checks.textContent).toContain('3 of 16 slots');
    expect(screen.queryByTestId('live-booking-warnings')).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: '2026-11-28' } });
    expect((await screen.findByTestId('live-booking-warnings')).textContent).toContain(
      '28 Nov 2026 is not a clinic day',
    );
    expect(asked.at(-1)).toEqual({
      patientId: PATIENT.patientId,
      type: 'refill',
      startsAt: '2026-11-28T08:30:00.000Z',
      durationMinutes: 30,
    });
    book();
    const warnings = await screen.findByTestId('booking-warnings');
    expect(warnings.textContent).toContain('28 Nov 2026 is not a clinic day');
    expect(screen.getByText(/Refill for Smith, Anna: Sat 28 Nov 2026, 08:30–09:00/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('says a past date under the date field, and a refused time under the time field until it is changed', async () => {
    const sent = stubFetch(() => ({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'startsAt must be in the future',
        details: [{ field: 'startsAt', message: 'must be in the future' }],
      },
    }));
    openDialog();
    const date = screen.getByLabelText(/^Date/);
    fireEvent.change(date, { target: { value: '2026-11-20' } });
    book();
    expect(await screen.findByText('Must be today or later')).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.change(date, { target: { value: '2026-11-23' } });
    await waitFor(() => expect(screen.queryByText('Must be today or later')).toBeNull());
    fireEvent.change(screen.getByLabelText(/^Time/), { target: { value: '08:30' } });
    book();
    const refusal = await screen.findByText('Must be in the future');
    expect(screen.getByLabelText(/^Time/).getAttribute('aria-invalid')).toBe('true');
    expect(refusal.id).toBe(
      screen
        .getByLabelText(/^Time/)
        .getAttribute('aria-describedby')
        ?.split(' ')
        .find((id) => id.includes('error')),
    );
    fireEvent.change(screen.getByLabelText(/^Time/), { target: { value: '16:00' } });
    await waitFor(() => expect(screen.queryByText('Must be in the future')).toBeNull());
  });

  it('shows the conflict when the patient already has that appointment that day', async () => {
    stubFetch(() => ({
      status: 409,
      body: {
        code: 'CONFLICT',
        message: 'This patient already has an appointment of this type that day',
        details: [{ field: 'startsAt', message: 'already booked that day' }],
      },
    }));
    openDialog();
    book();
    expect(await screen.findByText('This patient already has an appointment of this type that day')).toBeTruthy();
    expect(screen.getByText('Already booked that day')).toBeTruthy();
  });
});
