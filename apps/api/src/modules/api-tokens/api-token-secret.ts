import { createHash, randomBytes } from 'node:crypto';

/** Every secret starts so, so a leaked one is recognisable (secret scanners, logs reviews). */
export const API_TOKEN_MARK = 'itb_pat_';
/** 256 random bits: a plain SHA-256 at rest is enough, there is nothing to guess. */
const SECRET_BYTES = 32;
/** The mark and the first characters of the random part, kept to tell tokens apart. */
const PREFIX_LENGTH = API_TOKEN_MARK.length + 6;

export const hashApiTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newApiTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_TOKEN_MARK}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, hash: hashApiTokenSecret(secret), prefix: secret.slice(0, PREFIX_LENGTH) };
}

/** The secret of an `Authorization: Bearer …` header, or null when the header is absent or another scheme. */
export function bearerSecretOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
