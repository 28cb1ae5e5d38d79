import { Logger } from '@nestjs/common';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import type { oas31 } from 'zod-openapi';
import { loggablePath } from '../common/http-context.middleware.js';
import { API_PREFIX } from './openapi-document.js';

// ajv-formats is CommonJS with `exports.default`: imported from ESM, the plugin is the module's `default`.
const addFormats = ajvFormats.default;

/** The header a test (or a person reading the network tab) sees on a response that broke the document. */
export const CONTRACT_VIOLATION_HEADER = 'X-Contract-Violation';

export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  problem: string;
}

/** Every violation seen by this process, for a test to assert on. */
export const contractViolations: ContractViolation[] = [];

const DOCUMENT_ID = 'itb-openapi.json';
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks every answer against the OpenAPI document: its status must be one the operation documents,
 * and a JSON body must match that status's schema. For tests only (`VALIDATE_RESPONSES=true`): a
 * mismatch is logged and the answer replaced by a 500 carrying the `X-Contract-Violation` header, so
 * the test that caused it fails where it happened. The fix is in the contract or the code, never here.
 */
export function responseValidator(document: oas31.OpenAPIObject) {
  const logger = new Logger('ContractCheck');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction | null>();

  /** An operation's response, following a `$ref` to the shared ones in `components.responses`. */
  const resolve = (response: oas31.ResponseObject | oas31.ReferenceObject | undefined) => {
    if (!response || !('$ref' in response)) return response;
    const name = response.$ref.replace('#/components/responses/', '');
    return document.components?.responses?.[name] as oas31.ResponseObject | undefined;
  };

  const validatorFor = (
    path: string,
    method: string,
    status: number,
    mediaType: string,
    operation: oas31.OperationObject,
  ) => {
    const key = `${method} ${path} ${status} ${mediaType}`;
    if (!compiled.has(key)) {
      const answer = operation.responses?.[String(status)] as oas31.ResponseObject | oas31.ReferenceObject;
      const where =
        '$ref' in answer
          ? ['components', 'responses', answer.$ref.replace('#/components/responses/', '')]
          : ['paths', path, method, 'responses', String(status)];
      const ref = `${DOCUMENT_ID}#/${pointer(...where, 'content', mediaType, 'schema')}`;
      compiled.set(key, ajv.getSchema(ref) ?? null);
    }
    return compiled.get(key) ?? null;
  };

  const check = (req: Request, status: number, body: unknown, contentType: string | undefined): string | null => {
    const route = (req.route as { path?: string } | undefined)?.path;
    // Unknown paths (the router's 404) and the document's own viewer are not operations.
    if (!route?.startsWith(API_PREFIX) || route.startsWith(`${API_PREFIX}/docs`)) return null;
    const path = route.slice(API_PREFIX.length).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = req.method.toLowerCase();
    const operation = document.paths?.[path]?.[method as 'get'] as oas31.OperationObject | undefined;
    if (!operation) return `${req.method} ${path} is not in the document`;
    const response = resolve(operation.responses?.[String(status)] as oas31.ResponseObject | oas31.ReferenceObject);
    if (!response) return `status ${status} is not documented for ${operation.operationId}`;
    const documented = Object.keys(response.content ?? {});
    if (!documented.length) return body === undefined || body === '' ? null : `${status} documents no body`;
    const mediaType = documented.find((m) => contentType?.startsWith(m.split(';')[0] as string));
    if (!mediaType) return `content type ${contentType ?? 'none'} is not documented (${documented.join(', ')})`;
    // JSON bodies are checked (the FHIR API's application/fhir+json too); files only by status and type.
    if (mediaType !== 'application/json' && mediaType !== 'application/fhir+json') return null;
    const validate = validatorFor(path, method, status, mediaType, operation);
    if (!validate) return `no schema for ${status} ${mediaType}`;
    if (validate(body)) return null;
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
      .join('; ');
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    const record = (problem: string) => {
      const violation = { method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, problem };
      contractViolations.push(violation);
      logger.error({ msg: 'response does not match the OpenAPI document', ...violation });
      return violation;
    };
    res.json = (body: unknown) => {
      const declared = res.getHeader('content-type');
      const problem = check(req, res.statusCode, body, typeof declared === 'string' ? declared : 'application/json');
      if (!problem) return json(body);
      const violation = record(problem);
      res.status(500).setHeader(CONTRACT_VIOLATION_HEADER, 'true');
      return json({
        code: 'INTERNAL',
        message: `Contract violation: ${violation.status} ${violation.method} ${violation.path}: ${problem}`,
        details: [],
      });
    };
    // Files and empty answers do not pass through res.json: check their status and type as they leave.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      const contentType = res.getHeader('content-type');
      // JSON answers were checked as they went through res.json.
      if (typeof contentType !== 'string' || !/^application\/(fhir\+)?json/.test(contentType)) {
        const problem = check(
          req,
          Number(args[0]),
          undefined,
          typeof contentType === 'string' ? contentType : undefined,
        );
        if (problem) {
          record(problem);
          res.setHeader(CONTRACT_VIOLATION_HEADER, 'true');
        }
      }
      return writeHead(...args);
    }) as Response['writeHead'];
    next();
  };
}
