import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@itb/contracts';
import type { z } from 'zod';

export const OPERATION_DOC_KEY = 'itb:openapi:operation';
export const TAG_DOC_KEY = 'itb:openapi:tag';

/** A file the route streams instead of JSON (the emergency card's PDF, the report's CSV). */
export interface FileAnswer {
  file: 'application/pdf' | 'text/csv' | 'text/calendar';
  description: string;
}

/** A FHIR resource answered as `application/fhir+json` (the FHIR API's routes). */
export interface FhirAnswer {
  /** The `resourceType` of the answer: `Bundle`, `Patient`, `CapabilityStatement`... */
  fhir: string;
  description: string;
}

/**
 * What the OpenAPI document says about one route, beside what the route already declares to Nest.
 * The path, method, status, roles, path ids, query and body schemas come from the route itself (its
 * decorators and its `ZodPipe`s), so they cannot drift; this adds what only the author knows.
 */
export interface OperationDoc {
  /** camelCase verb + noun, as a generated client names the method: `recordFill`, `listRefillQueue`. */
  operationId: string;
  summary: string;
  description?: string;
  /** The 2xx answer: a contract schema, a file, a FHIR resource, or `null` for 204 No Content. */
  response: z.ZodType | FileAnswer | FhirAnswer | null;
  /**
   * Error codes the use case itself answers (409 CONFLICT/STALE_VERSION, 422 RULE_VIOLATION, 404 for an
   * id named in the body...). Those the route's shape implies are added by the document builder:
   * VALIDATION_FAILED for a body or query, UNAUTHENTICATED without @Public, FORBIDDEN for a role
   * subset, NOT_FOUND for a path id, CONFLICT/RULE_VIOLATION for an Idempotency-Key, INTERNAL always.
   */
  errors?: readonly ErrorCode[];
}

/** Declares a route's operation in the OpenAPI document; a route without one fails the document build. */
export const Documented = (doc: OperationDoc) => SetMetadata(OPERATION_DOC_KEY, doc);

/** The tag (group) of a controller's operations in the document and in generated clients. */
export const DocumentedTag = (name: string, description: string) => SetMetadata(TAG_DOC_KEY, { name, description });
