import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { clinic } from '../../appointments/testing/appointments.fixture';
import { fail, ok, stubFetch } from '../../flags/testing/fetch-stub';
import { ClinicSettingsForm } from './clinic-settings-form';

describe('ClinicSettingsForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves the reminder days and the morning time with the version it opened on', async () => {
    const api = stubFetch((call) =>
      call.method === 'PATCH'
        ? ok({ ...clinic(), reminderDaysBefore: [10, 2], messagesAt: '08:30', version: 2 })
        : ok({}),
    );
    renderWithProviders(<ClinicSettingsForm clinic={clinic({ emergencyPhone: '+44 20 7946 0958' })} />);
    expect((screen.getByLabelText(/Days before a refill/) as HTMLInputElement).value).toBe('7, 1');
    fireEvent.change(screen.getByLabelText(/Days before a refill/), { target: { value: '2, 10' } });
    fireEvent.change(screen.getByLabelText('From (clinic time)'), { target: { value: '08:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/clinic',
      body: {
        version: 1,
        reminderDaysBefore: [2, 10],
        messagesAt: '08:30',
        clinicDays: [1, 2, 3, 4, 5],
        emergencyPhone: '+44 20 7946 0958',
        slotsPerDay: 16,
      },
    });
    // The form now holds what was saved: nothing left to save until it changes again.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save settings' }).hasAttribute('disabled')).toBe(true),
    );
    expect((screen.getByLabelText(/Days before a refill/) as HTMLInputElement).value).toBe('10, 2');
  });

  it('names the field the form or the server refuses, and sends nothing the form refuses', async () => {
    const api = stubFetch(() =>
      fail(422, 'RULE_VIOLATION', 'timeZone is not known to the database', [
        { field: 'timeZone', message: 'is not known to the database' },
      ]),
    );
    renderWithProviders(<ClinicSettingsForm clinic={clinic()} />);
    fireEvent.change(screen.getByLabelText(/Days before a refill/), { target: { value: 'weekly' } });
    fireEvent.change(screen.getByLabelText('Closes at'), { target: { value: '08:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/must be up to 4 whole days/i)).toBeTruthy();
    expect(screen.getByText(/must be after the opening time/i)).toBeTruthy();
    expect(api.writes()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Days before a refill/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Closes at'), { target: { value: '17:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(await screen.findByText('Not known to the database')).toBeTruthy();
  });
});
