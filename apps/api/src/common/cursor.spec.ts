import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, setCursorSecret } from './cursor.js';

describe('signed keyset cursors', () => {
  it('gives back the values it was given, for the list it was made for', () => {
    const cursor = encodeCursor(['2026-03-01T09:00:00.000Z', 'b2c1d0e4-0000-4000-8000-000000000001'], 'fills');
    expect(decodeCursor(cursor, 2, 'fills')).toEqual([
      '2026-03-01T09:00:00.000Z',
      'b2c1d0e4-0000-4000-8000-000000000001',
    ]);
    expect(decodeCursor(undefined, 2, 'fills')).toBeNull();
  });

  it.each([
    ['an unsigned cursor', Buffer.from('["junk","junk"]').toString('base64url')],
    ['a forged signature', `${Buffer.from('["junk","junk"]').toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`],
    ['a signature of the wrong length', `${Buffer.from('["junk","junk"]').toString('base64url')}.AAAA`],
    ['three parts', 'a.b.c'],
  ])('refuses %s with 400 naming cursor', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'cursor', message: 'is not a cursor this list gave out' }],
      }),
    );
  });

  it("refuses another list's cursor, a wrong arity, and a cursor signed with another secret", () => {
    const cursor = encodeCursor(['a', 'b', 'c'], 'patients');
    expect(() => decodeCursor(cursor, 3, 'timeline')).toThrow('cursor');
    expect(() => decodeCursor(cursor, 2, 'patients')).toThrow('cursor');
    setCursorSecret('another-secret-of-at-least-thirty-two-chars');
    expect(() => decodeCursor(cursor, 3, 'patients')).toThrow('cursor');
  });

  it('refuses signed values no list ever gives out (objects, NUL, very long text)', () => {
    for (const values of [[{ a: 1 }], ['a\u0000'], ['x'.repeat(201)]]) {
      expect(() => decodeCursor(encodeCursor(values as never), 1)).toThrow('cursor');
    }
  });
});
