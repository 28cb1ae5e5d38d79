import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api-client';
import { reportServiceStatus } from '../../lib/service-status';
import { renderWithProviders } from '../../test-utils';
import { ServiceStatusBanner } from './service-status-banner';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const DATABASE_DOWN = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is unavailable, so nothing was saved. Try again in a moment; what you entered is kept.',
  details: [],
};

describe('ServiceStatusBanner', () => {
  beforeEach(() => reportServiceStatus('ok'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows one banner however many calls answer DATABASE_UNAVAILABLE, and clears once the health check is up', async () => {
    let isDown = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        isDown
          ? url === '/api/health'
            ? json(503, { status: 'unavailable', database: 'down' })
            : json(503, DATABASE_DOWN)
          : json(200, url === '/api/health' ? { status: 'ok', database: 'up' } : { items: [] }),
      ),
    );
    renderWithProviders(<ServiceStatusBanner />);
    expect(screen.queryByTestId('service-status-banner')).toBeNull();

    await expect(api.get('/patients')).rejects.toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    await expect(api.post('/appointments', {})).rejects.toMatchObject({ status: 503 });
    expect(await screen.findAllByTestId('service-status-banner')).toHaveLength(1);
    expect(screen.getByText('The database is unavailable')).toBeTruthy();
    expect(screen.getByText(/Nothing can be saved right now\. What you have typed stays in the form/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('The database is unavailable')).toBeTruthy(); // still down

    isDown = false;
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByTestId('service-status-banner')).toBeNull());
  });

  it('says the server cannot be reached when no answer comes, and clears on the next answer', async () => {
    let isReachable = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        if (!isReachable) throw new TypeError('Failed to fetch');
        return json(200, { items: [] });
      }),
    );
    renderWithProviders(<ServiceStatusBanner />);
    await expect(api.get('/patients')).rejects.toMatchObject({ status: 0 });
    expect(await screen.findByText('The server cannot be reached')).toBeTruthy();

    isReachable = true;
    await api.get('/patients');
    await waitFor(() => expect(screen.queryByTestId('service-status-banner')).toBeNull());
  });
});
