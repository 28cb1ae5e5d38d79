import type { UserResponse } from '@itb/contracts';
import { describe, expect, it } from 'vitest';
import { userStatus } from './users-table';

const user = (overrides: Partial<UserResponse>): UserResponse => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'a@b.example',
  name: 'A',
  role: 'nurse',
  isActive: true,
  hasPassword: true,
  invitationExpiresAt: null,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

describe('userStatus', () => {
  const now = Date.parse('2026-03-05T08:59:00Z');
  it('names each state a user account can be in', () => {
    expect(userStatus(user({}), now).label).toBe('Active');
    expect(userStatus(user({ isActive: false }), now).label).toBe('Deactivated');
    // A link made 2 March 09:00 UTC runs until 5 March 09:00 UTC: one minute left, then expired.
    const invited = user({ hasPassword: false, invitationExpiresAt: '2026-03-05T09:00:00.000Z' });
    expect(userStatus(invited, now).label).toBe('Invited');
    expect(userStatus(invited, now + 60_000).label).toBe('Link expired');
    expect(userStatus(user({ hasPassword: false, isActive: false }), now).label).toBe('Deactivated');
  });
});
