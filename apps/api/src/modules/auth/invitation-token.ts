import { createHash, randomBytes } from 'node:crypto';
import { INVITATION_VALID_HOURS, type Invitation } from '@itb/contracts';

export const digestToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A one-time set-password link: 32 random bytes, only their SHA-256 stored, valid 72 hours. */
export function newInvitation(now: Date): { invitation: Invitation; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_HOURS * 3_600_000);
  return {
    invitation: { token, path: `/set-password#token=${token}`, expiresAt: expiresAt.toISOString() },
    tokenHash: digestToken(token),
    expiresAt,
  };
}
