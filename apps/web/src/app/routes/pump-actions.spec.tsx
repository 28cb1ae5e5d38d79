import type { MeResponse } from '@itb/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WORKED_PUMP } from '../../features/pumps/testing/worked-pump.fixture';
import { renderWithProviders } from '../../test-utils';
import { PumpActions } from './pump-actions';

const user = (role: MeResponse['role']) => ({ role }) as MeResponse;

describe('PumpActions', () => {
  it('offers nurses and specialists a refill and a dose change on the active pump', () => {
    renderWithProviders(<PumpActions me={user('nurse')} patientId="p1" pump={WORKED_PUMP} />);
    expect(screen.getByRole('link', { name: 'Record refill' }).getAttribute('href')).toBe('/patients/p1/refill');
    expect(screen.getByRole('link', { name: 'Change dose' }).getAttribute('href')).toBe('/patients/p1/dose');
  });

  it('offers administrators nothing: they do not record refills', () => {
    renderWithProviders(<PumpActions me={user('admin')} patientId="p1" pump={WORKED_PUMP} />);
    expect(screen.queryByRole('link', { name: 'Record refill' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Change dose' })).toBeNull();
  });

  it('offers nothing on an explanted pump', () => {
    renderWithProviders(
      <PumpActions me={user('specialist')} patientId="p1" pump={{ ...WORKED_PUMP, status: 'explanted' }} />,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
