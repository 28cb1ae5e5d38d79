import type { MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEventFixture } from '../../features/audit/testing/audit-event.fixture';
import { ok, stubFetch } from '../../features/flags/testing/fetch-stub';
import { useMe } from '../../lib/auth';
import { renderWithProviders } from '../../test-utils';
import { AuditRoute } from './audit-route';

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? children : null;
}

const PATIENT = {
  id: '7d0c2f1e-0000-4000-8000-000000000009',
  mrn: 'NS-000009',
  givenName: 'Maya',
  familyName: 'Brown',
  birthDate: '1970-01-01',
  status: 'active',
  diagnosis: 'ms',
  isHighRisk: false,
};

function openAs(role: MeResponse['role']) {
  const api = stubFetch((call) => {
    if (call.path === '/api/auth/me') {
      return ok({
        id: 'u1',
        email: 'x@example.org',
        name: 'X',
        role,
        clinic: { id: 'c1', name: 'Northside ITB Clinic', timeZone: 'Europe/London' },
      });
    }
    if (call.path === '/api/users') {
      return ok({
        items: [
          { id: 'a1100000-0000-4000-8000-000000000002', name: 'Dr Amara Okafor', role: 'specialist', isActive: true },
        ],
        nextCursor: null,
      });
    }
    if (call.path === '/api/patients') return ok({ items: [PATIENT], nextCursor: null });
    return ok({ items: [auditEventFixture()], nextCursor: null });
  });
  renderWithProviders(
    <SignedIn>
      <AuditRoute />
    </SignedIn>,
    { route: '/audit' },
  );
  return api;
}

describe('AuditRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is for administrators only, and asks nothing of the API for anyone else', async () => {
    const api = openAs('nurse');
    expect(await screen.findByText('Not available for your role')).toBeTruthy();
    expect(api.calls.map((call) => call.path)).toEqual(['/api/auth/me']);
  });

  it('gives an administrator the log with the clinic’s users and a patient search as filters', async () => {
    const api = openAs('admin');
    expect(await screen.findByRole('heading', { name: 'Audit log', level: 1 })).toBeTruthy();
    await screen.findByRole('option', { name: 'Dr Amara Okafor (Specialist)' });

    const patient = screen.getByRole('combobox', { name: 'Patient' });
    patient.focus();
    fireEvent.change(patient, { target: { value: 'brown' } });
    await waitFor(() => expect(api.calls.some((call) => call.search.get('q') === 'brown')).toBe(true));
    fireEvent.click(await screen.findByRole('option', { name: 'Brown, Maya · NS-000009' }));
    await waitFor(() =>
      expect(
        api.calls
          .filter((call) => call.path === '/api/audit-events')
          .at(-1)
          ?.search.get('patientId'),
      ).toBe(PATIENT.id),
    );
  });
});
