import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { ok, stubFetch } from '../testing/fetch-stub';
import { flagFixture } from '../testing/flag.fixture';
import { CriticalFlagsEscalation, escalatedFlags } from './critical-flags-escalation';

const NOW = new Date('2026-11-23T11:00:00.000Z');

describe('the critical-flag escalation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts open critical flags raised more than 30 minutes ago, and no others', () => {
    const flags = [
      flagFixture({ id: 'f1a90000-0000-4000-8000-000000000001', raisedAt: '2026-11-23T10:29:00.000Z' }),
      flagFixture({ id: 'f1a90000-0000-4000-8000-000000000002', raisedAt: '2026-11-23T10:30:00.000Z' }), // exactly 30 min
      flagFixture({
        id: 'f1a90000-0000-4000-8000-000000000003',
        raisedAt: '2026-11-23T09:00:00.000Z',
        severity: 'high',
      }),
      flagFixture({
        id: 'f1a90000-0000-4000-8000-000000000004',
        raisedAt: '2026-11-23T09:00:00.000Z',
        status: 'acknowledged',
      }),
    ];
    expect(escalatedFlags(flags, NOW).map((f) => f.id)).toEqual(['f1a90000-0000-4000-8000-000000000001']);
  });

  it('asks for the open critical flags and names the waiting patients with a link to them', async () => {
    const api = stubFetch(() =>
      ok({ items: [flagFixture({ raisedAt: '2026-01-01T00:00:00.000Z' })], nextCursor: null }),
    );
    renderWithProviders(<CriticalFlagsEscalation flagsHref="/flags?status=open&severity=critical" />);
    const banner = await screen.findByTestId('critical-escalation');
    expect(banner.textContent).toContain('1 critical flag has waited over 30 minutes');
    expect(banner.textContent).toContain('Smith, Anna');
    expect(screen.getByRole('link', { name: 'Open the critical flags' }).getAttribute('href')).toBe(
      '/flags?status=open&severity=critical',
    );
    expect(Object.fromEntries(api.calls[0]!.search)).toMatchObject({ status: 'open', severity: 'critical' });
  });
});
