import { AppError } from './app-error.js';

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values as (string | number)[];
  } catch {
    /* fall through */
  }
  throw AppError.validation('cursor', 'is not a cursor this list gave out');
}
