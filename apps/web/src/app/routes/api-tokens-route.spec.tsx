import type { ApiTokenResponse, MeResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, stubFetch } from '../../features/flags/testing/fetch-stub';
import { useMe } from '../../lib/auth';
import { renderWithProviders } from '../../test-utils';
import { ApiTokensRoute } from './api-tokens-route';

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? children : null;
}

const SECRET = 'itb_pat_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u';
const token = (overrides: Partial<ApiTokenResponse> = {}): ApiTokenResponse => ({
  id: '5c1a0000-0000-4000-8000-000000000001',
  name: 'Registry export',
  scope: 'fhir.read',
  prefix: 'itb_pat_Zm9vYm',
  createdBy: { id: 'u1', name: 'Alex Admin' },
  createdAt: '2026-03-02T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

function openAs(role: MeResponse['role'], tokens: () => { status: number; body?: unknown }) {
  const api = stubFetch((call) => {
    if (call.path === '/api/auth/me') {
      return ok({
        id: 'u1',
        email: 'admin@example.org',
        name: 'Alex Admin',
        role,
        clinic: { id: 'c1', name: 'Northside ITB Clinic', timeZone: 'Europe/London' },
      });
    }
    if (call.path === '/api/api-tokens' && call.method === 'POST') {
      return { status: 201, body: { token: token({ id: '5c1a0000-0000-4000-8000-000000000002' }), secret: SECRET } };
    }
    if (call.path.endsWith('/revoke')) return ok(token({ revokedAt: '2026-04-20T10:00:00.000Z' }));
    if (call.path === '/api/api-tokens') return tokens();
    return fail(404, 'NOT_FOUND', 'Not found');
  });
  renderWithProviders(
    <SignedIn>
      <ApiTokensRoute />
    </SignedIn>,
    { route: '/tokens' },
  );
  return api;
}

describe('ApiTokensRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is for administrators only, and asks nothing of the API for anyone else', async () => {
    const api = openAs('specialist', () => ok({ items: [], nextCursor: null }));
    expect(await screen.findByText('Not available for your role')).toBeTruthy();
    expect(api.calls.map((call) => call.path)).toEqual(['/api/auth/me']);
  });

  it('says when there are no tokens yet', async () => {
    openAs('admin', () => ok({ items: [], nextCursor: null }));
    expect(await screen.findByText(/No API tokens yet/)).toBeTruthy();
  });

  it('says when the tokens cannot be loaded', async () => {
    openAs('admin', () => fail(503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached'));
    expect(await screen.findByText('Could not load API tokens')).toBeTruthy();
  });

  it('lists each token with who made it, its last use and status, and revokes one after asking', async () => {
    const api = openAs('admin', () =>
      ok({
        items: [
          token({ lastUsedAt: '2026-04-19T08:30:00.000Z' }),
          token({
            id: '5c1a0000-0000-4000-8000-000000000003',
            name: 'Old feed',
            revokedAt: '2026-04-01T09:00:00.000Z',
          }),
        ],
        nextCursor: null,
      }),
    );
    const row = (await screen.findByText('Registry export')).closest('tr') as HTMLElement;
    expect(within(row).getByText('by Alex Admin')).toBeTruthy();
    expect(within(row).getByText(/19 Apr 2026/)).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    const revoked = screen.getByText('Old feed').closest('tr') as HTMLElement;
    expect(within(revoked).getByText(/Revoked/)).toBeTruthy();
    expect(within(revoked).queryByRole('button')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Registry export' }));
    expect(api.writes()).toEqual([]);
    const dialog = await screen.findByRole('dialog', { name: 'Revoke API token' });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Vendor changed' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() =>
      expect(api.writes().map((call) => [call.path, call.body])).toEqual([
        ['/api/api-tokens/5c1a0000-0000-4000-8000-000000000001/revoke', { reason: 'Vendor changed' }],
      ]),
    );
  });

  it('creates a token and shows its secret once, gone when the dialog closes', async () => {
    const api = openAs('admin', () => ok({ items: [], nextCursor: null }));
    fireEvent.click(await screen.findByRole('button', { name: 'New token' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API token' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    // An empty name is refused in the browser: nothing is sent.
    expect(await within(dialog).findByText(/required/i)).toBeTruthy();
    expect(api.writes()).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Name/), { target: { value: 'Registry export' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    const shown = await screen.findByRole('dialog', { name: 'Token created: copy the secret' });
    expect((within(shown).getByLabelText('Secret') as HTMLInputElement).value).toBe(SECRET);
    expect(api.writes().map((call) => call.body)).toEqual([{ name: 'Registry export' }]);
    fireEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByDisplayValue(SECRET)).toBeNull());
  });
});
