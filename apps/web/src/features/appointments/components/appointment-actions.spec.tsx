import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { appointment, backgroundReads, slotPreview, stubFetch } from '../testing/appointments.fixture';
import { AppointmentActions } from './appointment-actions';

describe('AppointmentActions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("checks a patient in against the version on screen, and shows the server's refusal as it says it", async () => {
    const sent = stubFetch(() => ({
      status: 422,
      body: {
        code: 'RULE_VIOLATION',
        message: "status cannot be marked arrived before the appointment's day",
        details: [{ field: 'status', message: "cannot be marked arrived before the appointment's day" }],
      },
    }));
    renderWithProviders(<AppointmentActions appointment={appointment({ version: 3 })} layout="inline" />);
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Check in refused');
    expect(alert.textContent).toContain("Cannot be marked arrived before the appointment's day");
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/appointments/7d0c2f1e-0000-4000-8000-0000000000d1',
      body: { version: 3, status: 'arrived' },
    });
  });

  it('asks before a no-show, and sends nothing when the user keeps the appointment', async () => {
    const sent = stubFetch(() => ({ status: 200, body: appointment({ status: 'noshow', version: 2 }) }));
    renderWithProviders(<AppointmentActions appointment={appointment()} layout="inline" />);
    fireEvent.click(screen.getByRole('button', { name: 'No-show' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep it' }));
    expect(sent).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'No-show' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark no-show' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(sent.find((r) => r.method === 'PATCH')!.body).toEqual({ version: 1, status: 'noshow' });
  });

  it('cancels only with a reason, and sends the reason', async () => {
    const sent = stubFetch(() => ({ status: 200, body: appointment({ status: 'cancelled', version: 2 }) }));
    renderWithProviders(<AppointmentActions appointment={appointment()} layout="inline" />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel appointment' }));
    expect(await screen.findByText('Say why it is cancelled')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Patient admitted to hospital' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({ version: 1, status: 'cancelled', reason: 'Patient admitted to hospital' });
  });

  it("moves a booking to a new clinic time with the server's checks on screen first", async () => {
    // The clinic's today is Monday 23 November: the Thursday after is a date the form takes.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const sent = stubFetch(
      () => ({
        status: 200,
        body: appointment({ startsAt: '2026-11-26T14:00:00.000Z', startsOn: '2026-11-26', version: 2 }),
      }),
      backgroundReads(() => slotPreview({ warnings: ['Falls after the refill-by date (25 Nov 2026)'] })),
    );
    renderWithProviders(<AppointmentActions appointment={appointment({ version: 4 })} layout="inline" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move appointment' });
    fireEvent.change(within(dialog).getByLabelText(/^New date/), { target: { value: '2026-11-26' } });
    fireEvent.change(within(dialog).getByLabelText(/^New time/), { target: { value: '14:00' } });
    expect((await within(dialog).findByTestId('live-booking-warnings')).textContent).toContain(
      'Falls after the refill-by date (25 Nov 2026)',
    );
    fireEvent.change(within(dialog).getByLabelText(/^Reason for the move/), { target: { value: 'Ward round' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move appointment' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      body: { version: 4, startsAt: '2026-11-26T14:00:00.000Z', durationMinutes: 30, reason: 'Ward round' },
    });
  });

  it('offers only what the status allows: a checked-in refill goes on to the refill form', () => {
    renderWithProviders(
      <AppointmentActions
        appointment={appointment({ status: 'arrived' })}
        layout="inline"
        recordRefillHref="/patients/p/refill"
      />,
    );
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'No-show' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Record refill' }).getAttribute('href')).toBe('/patients/p/refill');
  });

  it('offers nothing on a fulfilled appointment', () => {
    const { container } = renderWithProviders(
      <AppointmentActions appointment={appointment({ status: 'fulfilled' })} layout="inline" />,
    );
    expect(container.querySelector('button')).toBeNull();
  });
});
