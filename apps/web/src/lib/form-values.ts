/**
 * `register(..., { setValueAs })` converters: inputs hold strings, the contract schemas want
 * numbers, `null` (explicitly none) or `undefined` (not given).
 */
export function toOptionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export const toNullableNumber = (value: unknown): number | null => toOptionalNumber(value) ?? null;

export const toNullableString = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
