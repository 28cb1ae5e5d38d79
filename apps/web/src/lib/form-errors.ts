import type { ErrorDetail } from '@itb/contracts';
import type { FieldError, FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from './api-client';

/**
 * Contract messages are written to follow a field name ("is required", "must be above 0 mL").
 * Shown under a labelled input they read better as a sentence: "Required", "Must be above 0 mL".
 */
export function humanizeMessage(message: string): string {
  const text = message.trim().replace(/^is\s+/i, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The text an input shows for its error, or undefined. */
export const errorText = (error: Pick<FieldError, 'message'> | undefined): string | undefined =>
  error?.message ? humanizeMessage(error.message) : undefined;

/**
 * A date input holds either a complete date or nothing, so a format error on it means the date
 * is missing or half typed.
 */
export const dateErrorText = (error: Pick<FieldError, 'message' | 'type'> | undefined): string | undefined =>
  error?.type === 'invalid_format' ? 'Enter a complete date' : errorText(error);

/** "riskFactors.1" names the list, "initialFill.volumeAddedMl" a nested field: keep the latter. */
export const normalizeFieldPath = (field: string): string => field.replace(/(\.\d+)+$/, '');

/**
 * Puts the server's field errors (`details[].field`) beside the matching inputs.
 * Returns the details that match no input, for the form's general alert.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  /** The form is one object of a larger body: `newPump.serialNumber` is this form's `serialNumber`. */
  prefix?: string,
): ErrorDetail[] {
  if (!isApiError(error)) return [];
  const known = new Set<string>(fields);
  const unmatched: ErrorDetail[] = [];
  let isFirst = true;
  for (const detail of error.details) {
    const path = normalizeFieldPath(detail.field);
    const field = prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
    if (known.has(field)) {
      setError(field as FieldPath<T>, { type: 'server', message: detail.message }, { shouldFocus: isFirst });
      isFirst = false;
    } else {
      unmatched.push(detail);
    }
  }
  return unmatched;
}

/** The general message of a failed submit. */
export function submitErrorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Try again.';
}

/**
 * Friendlier client-side messages where the contract schema keeps zod's defaults
 * (an empty select, an empty number). Schema messages still win over these.
 */
export const formErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code === 'invalid_value') return 'Choose an option';
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined || issue.input === null || issue.input === '') return 'is required';
    if (issue.expected === 'number') return 'must be a number';
  }
  return undefined;
};
