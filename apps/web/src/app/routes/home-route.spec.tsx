import type { MeResponse } from '@itb/contracts';
import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok, stubFetch } from '../../features/flags/testing/fetch-stub';
import { useMe } from '../../lib/auth';
import { renderWithProviders } from '../../test-utils';
import { paths } from '../paths';
import { HomeRoute } from './home-route';

/** What the signed-in layout does: render the page once `/auth/me` has answered. */
function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? children : null;
}

function signInAs(role: MeResponse['role']) {
  stubFetch(() =>
    ok({ id: 'u1', email: 'x@example.org', name: 'X', role, clinic: { id: 'c1', name: 'C', timeZone: 'UTC' } }),
  );
  renderWithProviders(
    <SignedIn>
      <Routes>
        <Route path={paths.home.path} element={<HomeRoute />} />
        <Route path={paths.today.path} element={<p>Today page</p>} />
        <Route path={paths.queue.path} element={<p>Queue page</p>} />
        <Route path={paths.reports.path} element={<p>Report page</p>} />
      </Routes>
    </SignedIn>,
  );
}

describe('HomeRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends a nurse to today's clinic", async () => {
    signInAs('nurse');
    expect(await screen.findByText('Today page')).toBeTruthy();
  });

  it('sends a specialist to the refill queue', async () => {
    signInAs('specialist');
    expect(await screen.findByText('Queue page')).toBeTruthy();
  });

  it('sends an administrator to the report', async () => {
    signInAs('admin');
    expect(await screen.findByText('Report page')).toBeTruthy();
  });
});
