import type { MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, on } from '../../features/pumps/testing/mock-api';
import { bolusPreview } from '../../features/pumps/lib/event-preview';
import { drainOf } from '../../features/pumps/lib/pump-basis';
import { WORKED_ADJUSTMENTS, WORKED_CLINIC, WORKED_PUMP } from '../../features/pumps/testing/worked-pump.fixture';
import { formatInstant, formatLocalDate } from '../../lib/format';
import { renderWithProviders } from '../../test-utils';
import { PumpActions } from './pump-actions';

const user = (role: MeResponse['role']) => ({ role, clinic: { timeZone: 'Europe/London' } }) as MeResponse;

describe('PumpActions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers nurses and specialists a refill and a dose change on the active pump', () => {
    renderWithProviders(<PumpActions me={user('nurse')} patientId="p1" pump={WORKED_PUMP} />);
    expect(screen.getByRole('link', { name: 'Record refill' }).getAttribute('href')).toBe('/patients/p1/refill');
    expect(screen.getByRole('link', { name: 'Change dose' }).getAttribute('href')).toBe('/patients/p1/dose');
  });

  it('offers administrators nothing: they do not record refills', () => {
    renderWithProviders(<PumpActions me={user('admin')} patientId="p1" pump={WORKED_PUMP} />);
    expect(screen.queryByRole('link', { name: 'Record refill' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Change dose' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record event' })).toBeNull();
  });

  it('records a pump alarm from the card, with the kind chosen', { timeout: 20_000 }, async () => {
    const EVENTS = `/api/pumps/${WORKED_PUMP.id}/events`;
    const api = mockApi(
      on('POST', EVENTS, () =>
        json(201, {
          id: 'e1',
          pumpId: WORKED_PUMP.id,
          type: 'alarm_empty_reservoir',
          occurredAt: '2026-11-23T08:00:00.000Z',
          volumeMl: null,
          notes: null,
          recordedById: 'u1',
          recordedByName: 'Nurse',
        }),
      ),
    );
    renderWithProviders(<PumpActions me={user('nurse')} patientId="p1" pump={WORKED_PUMP} />);
    fireEvent.click(screen.getByRole('button', { name: 'Record event' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record pump event' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record event' }));
    expect(await within(dialog).findByText('Choose what happened')).toBeTruthy();
    expect(api.callsTo('POST', EVENTS)).toHaveLength(0);

    const select = within(dialog).getByRole('combobox', { name: /Event/ });
    expect(within(select).getByRole('option', { name: 'Motor-stall alarm heard (critical)' })).toBeTruthy();
    expect(within(select).getByRole('option', { name: 'Pump stopped' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'alarm_empty_reservoir' } });
    fireEvent.change(within(dialog).getByLabelText(/^When/), { target: { value: '2026-11-23T08:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record event' }));
    await waitFor(() => expect(api.callsTo('POST', EVENTS)).toHaveLength(1));
    expect(api.callsTo('POST', EVENTS)[0]!.body).toMatchObject({ type: 'alarm_empty_reservoir' });
    expect(api.callsTo('POST', EVENTS)[0]!.body).not.toHaveProperty('volumeMl');
  });

  it(
    'previews the new alarm and refill-by dates of a clinician bolus before it is saved',
    { timeout: 20_000 },
    async () => {
      mockApi(
        on('GET', `/api/pumps/${WORKED_PUMP.id}/dose-adjustments`, () =>
          json(200, { items: WORKED_ADJUSTMENTS, nextCursor: null }),
        ),
        on('GET', '/api/clinic', () => json(200, { ...WORKED_CLINIC, id: 'c1', name: 'Northside' })),
      );
      renderWithProviders(<PumpActions me={user('nurse')} patientId="p1" pump={WORKED_PUMP} />);
      fireEvent.click(screen.getByRole('button', { name: 'Record event' }));
      const dialog = await screen.findByRole('dialog', { name: 'Record pump event' });
      // Before a bolus is chosen, the alarm date stays where the card shows it.
      expect(within(dialog).getByTestId('event-projection').textContent).toContain(
        formatInstant(WORKED_PUMP.projection!.alarmAt, 'Europe/London'),
      );
      fireEvent.change(within(dialog).getByRole('combobox', { name: /Event/ }), { target: { value: 'bolus' } });
      fireEvent.change(within(dialog).getByLabelText(/^When/), { target: { value: '2026-08-25T10:00' } });
      fireEvent.change(within(dialog).getByLabelText(/^Bolus volume/), { target: { value: '1' } });
      const at = new Date('2026-08-25T09:00:00.000Z'); // 10:00 on the clinic's clock (London, summer time)
      const { before, after } = bolusPreview(
        drainOf(WORKED_PUMP, WORKED_ADJUSTMENTS),
        WORKED_PUMP.alarmMl,
        WORKED_CLINIC,
        { at, volumeMl: 1 },
        new Date(),
      );
      // 1 mL at 0.22 mL/day is about 4.5 days of drug: the alarm comes that much earlier.
      expect(Math.round((before.alarmAt.getTime() - after.alarmAt.getTime()) / 86_400_000)).toBe(5);
      const preview = await within(dialog).findByText(/^Alarm at/);
      expect(preview.textContent).toContain(formatInstant(after.alarmAt.toISOString(), 'Europe/London'));
      expect(preview.textContent).toContain('5 days earlier');
      expect(within(dialog).getByText(/^Refill by/).textContent).toContain(formatLocalDate(after.refillBy));
    },
  );

  it('gives a specialist the pump record (details, replacement, explant), and a nurse not', async () => {
    renderWithProviders(<PumpActions me={user('specialist')} patientId="p1" pump={WORKED_PUMP} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pump record' }));
    expect((await screen.findByRole('menuitem', { name: 'Replace pump' })).getAttribute('href')).toBe(
      '/patients/p1/replace-pump',
    );
    expect(screen.getByRole('menuitem', { name: 'Edit details' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Explant' })).toBeTruthy();
  });

  it('offers nothing on an explanted pump', () => {
    renderWithProviders(
      <PumpActions me={user('specialist')} patientId="p1" pump={{ ...WORKED_PUMP, status: 'explanted' }} />,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
