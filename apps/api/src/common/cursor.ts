import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './app-error.js';

/**
 * Keyset cursors: the sort key of the last row, opaque to clients and signed (HMAC-SHA256, 128 bits
 * kept), so a hand-edited cursor answers 400 naming `cursor` instead of reaching SQL. The secret is
 * CURSOR_SECRET when set (every instance behind one address needs the same), else random per process:
 * a cursor from before a restart is then refused and the client starts the list again.
 */
let secret: Buffer = randomBytes(32);

export function setCursorSecret(value: string | undefined): void {
  if (value) secret = Buffer.from(value, 'utf8');
}

const MAC_BYTES = 16;

function mac(scope: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${scope}\n${payload}`).digest().subarray(0, MAC_BYTES);
}

/** `scope` names the list, so one list's cursor is refused by another with the same arity. */
export function encodeCursor(values: readonly (string | number)[], scope = ''): string {
  const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
  return `${payload}.${mac(scope, payload).toString('base64url')}`;
}

const isCursorValue = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.length <= 200 && !v.includes('\u0000')) || (typeof v === 'number' && Number.isFinite(v));

export function decodeCursor(cursor: string | undefined, arity: number, scope = ''): (string | number)[] | null {
  if (!cursor) return null;
  const [payload, signature, ...rest] = cursor.split('.');
  if (payload && signature && rest.length === 0) {
    const given = Buffer.from(signature, 'base64url');
    if (given.length === MAC_BYTES && timingSafeEqual(given, mac(scope, payload))) {
      try {
        const values = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
        if (Array.isArray(values) && values.length === arity && values.every(isCursorValue)) return values;
      } catch {
        /* fall through */
      }
    }
  }
  throw AppError.validation('cursor', 'is not a cursor this list gave out');
}
