/**
 * A fresh `Idempotency-Key` for one clinical write (DESIGN.md "Writes accept an Idempotency-Key"):
 * a form makes one when it opens and sends it with every attempt, so a retry after a lost answer
 * records the refill once. `crypto.randomUUID` exists only on secure origins (https, localhost);
 * a clinic intranet served over plain http falls back to `getRandomValues`, which exists everywhere.
 */
export function newIdempotencyKey(cryptoApi: Pick<Crypto, 'getRandomValues'> & Partial<Crypto> = crypto): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
