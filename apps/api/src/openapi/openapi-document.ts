import type { Type } from '@nestjs/common';
import * as contracts from '@itb/contracts';
import { type ErrorCode, ERROR_CODES, idSchema } from '@itb/contracts';
import { z } from 'zod';
import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { SESSION_COOKIE } from '../common/access.guard.js';
import { ALL_ROLES } from '../common/access.decorators.js';
import { httpStatusOf } from '../common/app-error.js';
import type { OperationDoc } from '../common/openapi/documented.decorator.js';
import { readRoutes, type RouteInfo } from './routes.js';

export const API_PREFIX = '/api';
export const SESSION_SCHEME = 'session';
export const API_TOKEN_SCHEME = 'apiToken';
export const FHIR_MEDIA_TYPE = 'application/fhir+json';

/** Enough of a FHIR resource for the document and the response check; the R4 definitions validate the rest (tests). */
const fhirResourceSchema = (resourceType: string): oas31.SchemaObject => ({
  type: 'object',
  required: ['resourceType'],
  properties: { resourceType: { type: 'string', enum: [resourceType] } },
});
/** An OperationOutcome whose issues name, in `details.coding[].code`, one of the given error codes. */
const operationOutcomeSchema = (codes: readonly ErrorCode[]): oas31.SchemaObject => ({
  type: 'object',
  required: ['resourceType', 'issue'],
  properties: {
    resourceType: { type: 'string', enum: ['OperationOutcome'] },
    issue: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['severity', 'code', 'details'],
        properties: {
          severity: { type: 'string', enum: ['fatal', 'error', 'warning', 'information'] },
          code: { type: 'string' },
          diagnostics: { type: 'string' },
          details: {
            type: 'object',
            required: ['coding'],
            properties: {
              coding: {
                type: 'array',
                items: { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
              },
              text: { type: 'string' },
            },
          },
          expression: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
});

const isFhirRoute = (route: RouteInfo) => route.access?.kind === 'fhir';

/** What each code means to a client; exhaustive, so a new code cannot ship undocumented. */
const CODE_MEANINGS: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'a field is missing or malformed; `details` names each field',
  UNAUTHENTICATED: 'no live session (sign in first)',
  FORBIDDEN: "the session's role may not do this",
  NOT_FOUND: 'no such record in your clinic',
  CONFLICT: 'the record clashes with another, or the same Idempotency-Key is still being processed',
  STALE_VERSION: 'someone changed the record since you read it: reload and apply the change again',
  RULE_VIOLATION: 'the values break a clinical or data rule; `details` names the field',
  RATE_LIMITED: 'too many attempts: wait and retry',
  PAYLOAD_TOO_LARGE: 'the request body is larger than the API accepts',
  UNSUPPORTED_MEDIA_TYPE: 'a write must send `Content-Type: application/json`',
  INTERNAL: 'an unexpected error on the server (logged with the request id)',
  DATABASE_UNAVAILABLE: 'the database cannot be reached: nothing was saved; retry shortly',
};

/** Matches the Idempotency-Key the interceptor accepts (common/idempotency/idempotency.interceptor.ts). */
const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,200}$/)
  .optional()
  .meta({
    description:
      'Any unique string per intended write (8–200 letters, digits or `- _ . :`). Sending the same key again ' +
      'answers the first answer (header `Idempotent-Replayed: true`) instead of writing twice.',
  });

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Every object and enum schema that libs/contracts exports becomes a named component, so generated
 * clients get `FillRequest`, `RefillQueueRow`, `FlagCode`... rather than anonymous inline types. The id
 * goes into zod's global registry against the very instance the routes use (`.meta()` would clone it);
 * zod-openapi reads it from there and splits input and output forms (`XOutput`) where they differ.
 * Query schemas are spread into parameters instead.
 */
function nameContractSchemas(): void {
  for (const [exportName, value] of Object.entries(contracts)) {
    if (!exportName.endsWith('Schema') || exportName.endsWith('QuerySchema')) continue;
    if (exportName.startsWith('error')) continue; // ErrorBody is registered whole, with its details inline
    if (exportName.endsWith('FormSchema')) continue; // the dashboard's own form shapes, not the API's
    if (!(value instanceof z.ZodObject || value instanceof z.ZodEnum) || z.globalRegistry.has(value)) continue;
    z.globalRegistry.add(value, { id: pascal(exportName.slice(0, -'Schema'.length)) });
  }
}

/** The codes a route can answer: those its shape implies plus those its use case declares. */
export function errorCodesOf(route: RouteInfo): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.doc?.errors ?? []);
  if (route.body || route.query || route.isIdempotent) codes.add('VALIDATION_FAILED');
  if (route.access?.kind !== 'public') codes.add('UNAUTHENTICATED');
  const access = route.access;
  if ((access?.kind === 'roles' || access?.kind === 'fhir') && ALL_ROLES.some((role) => !access.roles.includes(role))) {
    codes.add('FORBIDDEN');
  }
  if (route.pathParams.some((p) => p.isId)) codes.add('NOT_FOUND');
  if (route.isIdempotent) {
    codes.add('CONFLICT'); // the same key still in flight
    codes.add('RULE_VIOLATION'); // the same key reused for a different request
  }
  if (route.method !== 'get') {
    // Every write: JSON only (415), a bounded body (413), and a cross-site Origin is refused (403).
    codes.add('UNSUPPORTED_MEDIA_TYPE');
    codes.add('PAYLOAD_TOO_LARGE');
    codes.add('FORBIDDEN');
  }
  codes.add('INTERNAL');
  codes.add('DATABASE_UNAVAILABLE');
  return ERROR_CODES.filter((c) => codes.has(c));
}

/** `CONFLICT` + `STALE_VERSION` → `ConflictOrStaleVersion`: the name of the shared response for those codes. */
const responseName = (codes: readonly ErrorCode[]) =>
  codes
    .map((c) =>
      c
        .toLowerCase()
        .split('_')
        .map((w) => pascal(w))
        .join(''),
    )
    .join('Or');

/**
 * The error answers of one operation, by status, each a shared response of `ErrorBody` with its codes
 * (an OperationOutcome in application/fhir+json for the FHIR routes).
 */
function errorResponses(
  codes: ErrorCode[],
  shared: Map<string, oas31.ResponseObject>,
  isFhir = false,
): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(httpStatusOf(code), [...(byStatus.get(httpStatusOf(code)) ?? []), code]);
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const name = `${isFhir ? 'Fhir' : ''}${responseName(statusCodes)}`;
    const description = statusCodes.map((c) => `${c}: ${CODE_MEANINGS[c]}`).join('; ');
    if (isFhir) {
      shared.set(name, {
        description: `${description} (an OperationOutcome; its issue's details.coding names the code)`,
        content: { [FHIR_MEDIA_TYPE]: { schema: operationOutcomeSchema(statusCodes) } },
      });
      responses[`${status as 400}`] = { $ref: `#/components/responses/${name}` };
      continue;
    }
    shared.set(name, {
      description,
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/ErrorBody' },
              { type: 'object', properties: { code: { type: 'string', enum: statusCodes } } },
            ],
          },
        },
      },
    });
    responses[`${status as 400}`] = { $ref: `#/components/responses/${name}` };
  }
  return responses;
}

function successResponse(route: RouteInfo, doc: OperationDoc): ZodOpenApiResponsesObject {
  const replayHeader = route.isIdempotent
    ? {
        headers: {
          'Idempotent-Replayed': {
            description: '`true` when this answer is the stored answer to an earlier request with the same key',
            schema: { type: 'string', enum: ['true'] },
          } satisfies oas31.HeaderObject,
        },
      }
    : {};
  const description = doc.summary;
  if (doc.response === null) return { [route.status]: { description } };
  if ('fhir' in doc.response) {
    return {
      [route.status]: {
        description: doc.response.description,
        content: { [FHIR_MEDIA_TYPE]: { schema: fhirResourceSchema(doc.response.fhir) } },
      },
      ...(route.method === 'get' ? { 304: { $ref: '#/components/responses/NotModified' } } : {}),
    };
  }
  if ('file' in doc.response) {
    return {
      [route.status]: {
        description: doc.response.description,
        content: { [doc.response.file]: { schema: { type: 'string', format: 'binary' } } },
      },
    };
  }
  return {
    [route.status]: { description, ...replayHeader, content: { 'application/json': { schema: doc.response } } },
    // Express tags JSON answers with an ETag and answers a matching If-None-Match with an empty 304.
    ...(route.method === 'get' ? { 304: { $ref: '#/components/responses/NotModified' } } : {}),
  };
}

function operation(route: RouteInfo, shared: Map<string, oas31.ResponseObject>): ZodOpenApiOperationObject {
  const doc = route.doc;
  if (!doc) {
    throw new Error(
      `${route.controller}.${route.handler} (${route.method.toUpperCase()} ${route.path}) has no @Documented(): ` +
        'every route declares its operation for the OpenAPI document',
    );
  }
  if (!route.tag) throw new Error(`${route.controller} has no @DocumentedTag()`);
  const pathShape = Object.fromEntries(
    route.pathParams.map(
      (p) =>
        [
          p.name,
          (p.isId ? idSchema : z.string().min(1)).meta({ description: pathParamDescription(route.path, p.name) }),
        ] as const,
    ),
  );
  const query = route.query;
  if (query && !(query instanceof z.ZodObject)) {
    throw new Error(`${route.controller}.${route.handler}: its query schema must be a z.object`);
  }
  const access = route.access;
  const roles =
    access?.kind === 'roles'
      ? access.roles.join(', ')
      : access?.kind === 'fhir'
        ? `a session of ${access.roles.join(', ')}, or a personal API token (Authorization: Bearer)`
        : 'anyone (no session)';
  return {
    operationId: doc.operationId,
    summary: doc.summary,
    description: [doc.description, `Roles: ${roles}.`].filter(Boolean).join('\n\n'),
    tags: [route.tag.name],
    ...(route.access?.kind === 'public' ? { security: [] } : {}),
    ...(isFhirRoute(route) ? { security: [{ [SESSION_SCHEME]: [] }, { [API_TOKEN_SCHEME]: [] }] } : {}),
    requestParams: {
      ...(route.pathParams.length ? { path: z.object(pathShape) } : {}),
      ...(query ? { query } : {}),
      ...(route.isIdempotent ? { header: z.object({ 'Idempotency-Key': idempotencyKeySchema }) } : {}),
    },
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    responses: { ...successResponse(route, doc), ...errorResponses(errorCodesOf(route), shared, isFhirRoute(route)) },
  };
}

/** `/pumps/{id}/fills`, `id` → "The pump's id." (the collection before the parameter, singular). */
export function pathParamDescription(path: string, name: string): string {
  const segments = path.split('/');
  const collection = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  const resource = collection.replace(/s$/, '').replaceAll('-', ' ');
  return resource ? `The ${resource}'s id.` : `The ${name}.`;
}

/** Removes components nothing refers to (directly or through another used component). */
function pruneUnusedSchemas(document: oas31.OpenAPIObject): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const refsIn = (value: unknown): string[] => {
    const text = JSON.stringify(value);
    return [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
  };
  const used = new Set<string>();
  const queue = refsIn([document.paths, document.components?.responses]);
  while (queue.length) {
    const name = queue.pop() as string;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/** The OpenAPI 3.1 document of the given controllers, generated from their routes and the zod contracts. */
export function buildOpenApiDocument(controllers: readonly Type[]): oas31.OpenAPIObject {
  nameContractSchemas();
  const routes = readRoutes(controllers);
  const paths: ZodOpenApiPathsObject = {};
  const tags = new Map<string, string>();
  const errorAnswers = new Map<string, oas31.ResponseObject>();
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method] = operation(route, errorAnswers);
    if (route.tag) tags.set(route.tag.name, route.tag.description);
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'ITB Clinic API',
      version: '0.1.0',
      description:
        'Intrathecal baclofen pump clinic: patients, pumps, refills, dose changes, flags, appointments, the ' +
        'refill queue and reports. Every request and answer is validated against the zod contracts this ' +
        'document is generated from. Errors share one shape (`ErrorBody`); lists are keyset pages: pass ' +
        '`nextCursor` back as `cursor`.',
    },
    servers: [{ url: API_PREFIX, description: 'This server' }],
    security: [{ [SESSION_SCHEME]: [] }],
    tags: [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ErrorBody: contracts.errorBodySchema },
      responses: {
        NotModified: {
          description: 'Not Modified: the answer still matches the ETag sent in `If-None-Match` (no body)',
        },
        ...Object.fromEntries([...errorAnswers].sort(([a], [b]) => a.localeCompare(b))),
      },
      securitySchemes: {
        [SESSION_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie `POST /auth/login` sets (HttpOnly, SameSite=Strict).',
        },
        [API_TOKEN_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal API token an administrator creates (`POST /api-tokens`); accepted by the FHIR routes only.',
        },
      },
    },
  });
  pruneUnusedSchemas(document);
  return document;
}
