import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { appointment, stubFetch } from '../testing/appointments.fixture';
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
