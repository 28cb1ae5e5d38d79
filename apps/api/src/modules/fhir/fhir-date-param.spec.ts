import { describe, expect, it } from '@jest/globals';
import { parseDateParam } from './fhir-date-param.js';

describe('parseDateParam', () => {
  it.each([
    // value, prefix, start, end — each range is the precision the value was given in
    ['2026', 'eq', '2026-01-01T00:00:00', '2027-01-01T00:00:00'],
    ['ge2026-02', 'ge', '2026-02-01T00:00:00', '2026-03-01T00:00:00'],
    ['lt2026-12-31', 'lt', '2026-12-31T00:00:00', '2027-01-01T00:00:00'],
    ['le2024-02-29T23:59', 'le', '2024-02-29T23:59:00', '2024-03-01T00:00:00'],
  ])('reads %s on the clinic clock as [%s, %s)', (value, prefix, start, end) => {
    expect(parseDateParam(value)).toEqual({
      prefix,
      start: { text: start, isLocal: true },
      end: { text: end, isLocal: true },
    });
  });

  it('reads an instant with a zone as UTC instants one second apart', () => {
    // 10:00:30 at +02:00 is 08:00:30 UTC; a value given to the second covers that second.
    expect(parseDateParam('gt2026-03-06T10:00:30+02:00')).toEqual({
      prefix: 'gt',
      start: { text: '2026-03-06T08:00:30.000Z', isLocal: false },
      end: { text: '2026-03-06T08:00:31.000Z', isLocal: false },
    });
  });

  it.each(['2026-13', '2026-02-30', 'sa2026', 'yesterday', '26-01-01'])(
    'refuses %s with a 400 naming date',
    (value) => {
      expect(() => parseDateParam(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    },
  );
});
