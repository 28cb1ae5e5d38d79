import type { PipeTransform } from '@nestjs/common';
import { detailsFromIssues, findNulField } from '@itb/contracts';
import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Validates a body or query with a contract schema; answers 400 with the fields at fault. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  /** Public so the OpenAPI document is built from the very schema that validates. */
  constructor(readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    // PostgreSQL text cannot hold NUL: refuse it in any field of any body or query, whatever its schema.
    const nulAt = findNulField(value);
    if (nulAt) throw AppError.validation(nulAt.map(String).join('.') || '(body)', 'must not contain a NUL character');
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const details = detailsFromIssues(result.error.issues);
    const first = details[0];
    const message = first ? `Invalid input: ${first.field} ${first.message}` : 'Invalid input';
    throw new AppError('VALIDATION_FAILED', message, details);
  }
}

/** Validates a route id so a malformed one answers 404 like any unknown id. */
export class IdPipe implements PipeTransform<string, string> {
  private static readonly UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  transform(value: string): string {
    if (!IdPipe.UUID.test(value)) throw new AppError('NOT_FOUND', 'Not found');
    return value.toLowerCase();
  }
}
