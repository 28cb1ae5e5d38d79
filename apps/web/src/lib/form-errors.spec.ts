import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { applyServerFieldErrors, dateErrorText, humanizeMessage, normalizeFieldPath } from './form-errors';

describe('humanizeMessage', () => {
  it('turns contract fragments into sentences', () => {
    expect(humanizeMessage('is required')).toBe('Required');
    expect(humanizeMessage('is already used by another patient')).toBe('Already used by another patient');
    expect(humanizeMessage('must be above 0 mL')).toBe('Must be above 0 mL');
  });
});

describe('dateErrorText', () => {
  it('asks for a complete date when a date input fails the format check', () => {
    expect(dateErrorText({ type: 'invalid_format', message: 'must be a date (YYYY-MM-DD)' })).toBe(
      'Enter a complete date',
    );
    expect(dateErrorText({ type: 'server', message: 'cannot be in the future' })).toBe('Cannot be in the future');
  });
});

describe('applyServerFieldErrors', () => {
  const error = new ApiError(422, {
    code: 'RULE_VIOLATION',
    message: 'Invalid',
    details: [
      { field: 'initialFill.volumeAddedMl', message: 'must be at most the reservoir capacity (20 mL)' },
      { field: 'riskFactors.1', message: 'must not repeat a value' },
      { field: 'somethingElse', message: 'is odd' },
    ],
  });

  it('puts each detail on its form field, nested paths included, and returns the rest', () => {
    const setError = vi.fn();
    const rest = applyServerFieldErrors(error, setError, ['initialFill.volumeAddedMl', 'riskFactors']);
    expect(setError).toHaveBeenCalledWith(
      'initialFill.volumeAddedMl',
      { type: 'server', message: 'must be at most the reservoir capacity (20 mL)' },
      { shouldFocus: true },
    );
    expect(setError).toHaveBeenCalledWith(
      'riskFactors',
      { type: 'server', message: 'must not repeat a value' },
      { shouldFocus: false },
    );
    expect(rest).toEqual([{ field: 'somethingElse', message: 'is odd' }]);
  });

  it('ignores errors that are not API errors', () => {
    const setError = vi.fn();
    expect(applyServerFieldErrors(new Error('boom'), setError, ['mrn'])).toEqual([]);
    expect(setError).not.toHaveBeenCalled();
  });

  it('names a list field by the list, not the item', () => {
    expect(normalizeFieldPath('cautions.0')).toBe('cautions');
    expect(normalizeFieldPath('initialFill.lotNumber')).toBe('initialFill.lotNumber');
  });
});
