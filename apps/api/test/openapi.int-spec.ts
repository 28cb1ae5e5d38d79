import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_CODES, type ErrorCode } from '@itb/contracts';
import express from 'express';
import request from 'supertest';
import type { oas31 } from 'zod-openapi';
import { CONTROLLERS } from '../src/app.module.js';
import { httpStatusOf } from '../src/common/app-error.js';
import { buildOpenApiDocument } from '../src/openapi/openapi-document.js';
import { CONTRACT_VIOLATION_HEADER, contractViolations, responseValidator } from '../src/openapi/response-validator.js';
import { createClinic, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const COMMITTED = new URL('../openapi.json', import.meta.url);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** `GET /api/pumps/:id/fills` for every route the Express router really holds (the docs excepted). */
function routerRoutes(ctx: TestContext): string[] {
  const instance = ctx.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] } };
  return (instance.router?.stack ?? [])
    .filter((layer) => layer.route?.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    )
    .sort();
}

function operations(doc: oas31.OpenAPIObject) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as oas31.OperationObject })),
  );
}

/** An operation's responses with `$ref`s to the shared error answers followed. */
function responsesOf(doc: oas31.OpenAPIObject, op: oas31.OperationObject): Record<string, oas31.ResponseObject> {
  return Object.fromEntries(
    Object.entries(op.responses ?? {}).map(([status, r]) => {
      const ref = (r as oas31.ReferenceObject).$ref;
      const resolved = ref ? doc.components?.responses?.[ref.replace('#/components/responses/', '')] : r;
      return [status, resolved as oas31.ResponseObject];
    }),
  );
}

const errorCodesIn = (response: oas31.ResponseObject): string[] => {
  // The FHIR API's errors are OperationOutcomes whose issues name the code in details.coding.
  const outcome = response.content?.['application/fhir+json']?.schema as oas31.SchemaObject | undefined;
  if (outcome) {
    const issue = (outcome.properties?.issue as oas31.SchemaObject).items as oas31.SchemaObject;
    const details = issue.properties?.details as oas31.SchemaObject;
    const coding = (details.properties?.coding as oas31.SchemaObject).items as oas31.SchemaObject;
    return ((coding.properties?.code as oas31.SchemaObject).enum ?? []) as string[];
  }
  const schema = response.content?.['application/json']?.schema as oas31.SchemaObject | undefined;
  const [base, narrowed] = (schema?.allOf ?? []) as [oas31.ReferenceObject, oas31.SchemaObject];
  expect(base).toEqual({ $ref: '#/components/schemas/ErrorBody' });
  return ((narrowed.properties?.code as oas31.SchemaObject | undefined)?.enum ?? []) as string[];
};

describe('the OpenAPI document', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let served: oas31.OpenAPIObject;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    served = (await clinic.as.nurse.get('/api/docs-json').expect(200)).body as oas31.OpenAPIObject;
  });
  afterAll(async () => ctx.app.close());

  it('is the committed apps/api/openapi.json (after a contract change, run `npm run openapi`)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as oas31.OpenAPIObject;
    try {
      expect(served).toEqual(committed);
    } catch (error) {
      throw new Error(
        `The served OpenAPI document differs from apps/api/openapi.json: run \`npm run openapi\` and commit it.\n${String(error)}`,
        { cause: error },
      );
    }
  });

  it('lists exactly the operations the router serves', () => {
    const documented = operations(served)
      .map(({ path, method }) => `${method.toUpperCase()} /api${path.replace(/\{([^}]+)\}/g, ':$1')}`)
      .sort();
    expect(documented).toHaveLength(90);
    expect(documented).toEqual(routerRoutes(ctx));
  });

  it('refuses a route without @Documented when building the document', () => {
    class Undocumented {}
    Reflect.defineMetadata('path', 'nowhere', Undocumented);
    const handler = function look() {};
    Reflect.defineMetadata('path', '/', handler);
    Reflect.defineMetadata('method', 0, handler);
    Object.defineProperty(Undocumented.prototype, 'look', { value: handler });
    expect(() => buildOpenApiDocument([...CONTROLLERS, Undocumented])).toThrow(
      'Undocumented.look (GET /nowhere) has no @Documented()',
    );
  });

  it('gives every operation an id, a summary, a tag, its parameters, its body, a 2xx schema and its errors', () => {
    const ids = new Set<string>();
    const tags = new Set((served.tags ?? []).map((t) => t.name));
    for (const { path, method, op } of operations(served)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, id: op.operationId }).toEqual({ where, id: expect.stringMatching(/^[a-z][A-Za-z]+$/) });
      expect(ids.has(op.operationId!)).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary?.length).toBeGreaterThan(5);
      expect(op.tags).toHaveLength(1);
      expect(tags.has(op.tags![0]!)).toBe(true);

      // Each `{name}` of the path is a required path parameter.
      const params = (op.parameters ?? []) as oas31.ParameterObject[];
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        expect({ where, param: params.find((p) => p.in === 'path' && p.name === name)?.required }).toEqual({
          where,
          param: true,
        });
      }

      // Every parameter says what it is for: a generated client shows it as the argument's documentation.
      const undescribed = params.filter((p) => (p.description ?? '').length < 10).map((p) => p.name);
      expect({ where, undescribed }).toEqual({ where, undescribed: [] });

      // Writes take a JSON body, except signing out and revoking (a DELETE's target is its path).
      if (method !== 'get' && method !== 'delete' && path !== '/auth/logout') {
        const body = op.requestBody as oas31.RequestBodyObject | undefined;
        expect({ where, body: body?.content['application/json']?.schema }).toEqual({ where, body: expect.anything() });
      }

      // Exactly one 2xx, with a schema unless it is 204 No Content.
      const responses = responsesOf(served, op);
      const success = Object.keys(responses).filter((s) => s.startsWith('2'));
      expect({ where, success: success.length }).toEqual({ where, success: 1 });
      const ok = responses[success[0]!]!;
      if (success[0] !== '204') {
        const [mediaType] = Object.keys(ok.content ?? {});
        expect({ where, schema: ok.content?.[mediaType!]?.schema }).toEqual({ where, schema: expect.anything() });
      }

      // Every error answer is the shared ErrorBody, with codes that belong to its status.
      const errors = Object.entries(responses).filter(([s]) => !s.startsWith('2') && s !== '304');
      for (const [status, response] of errors) {
        const codes = errorCodesIn(response);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) {
          expect({ where, code, status: httpStatusOf(code as ErrorCode) }).toEqual({ where, code, status: +status });
        }
      }
      const statuses = errors.map(([s]) => s);
      expect(statuses).toContain('500');
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) expect({ where, statuses }).toEqual({ where, statuses: expect.arrayContaining(['401']) });
      if (op.requestBody || params.some((p) => p.in === 'query')) {
        expect({ where, statuses }).toEqual({ where, statuses: expect.arrayContaining(['400']) });
      }
      if (params.some((p) => p.in === 'path')) {
        expect({ where, statuses }).toEqual({ where, statuses: expect.arrayContaining(['404']) });
      }
    }
    expect(ids.size).toBe(90);
  });

  it('documents the refill queue filters, the refill body and the timeline kinds from the contracts', () => {
    const queue = served.paths!['/refill-queue']!.get!;
    const query = (queue.parameters as oas31.ParameterObject[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(['cursor', 'limit', 'withinDays', 'clinicianId', 'unscheduledOnly', 'minSeverity']);
    const limit = (queue.parameters as oas31.ParameterObject[]).find((p) => p.name === 'limit')!.schema;
    expect(limit).toEqual({
      default: 50,
      type: 'integer',
      minimum: 1,
      maximum: 200,
      description: 'Rows per page (1–200).',
    });

    const record = served.paths!['/pumps/{id}/fills']!.post!;
    expect((record.requestBody as oas31.RequestBodyObject).content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/FillRequest',
    });
    const fillRequest = served.components!.schemas!.FillRequest as oas31.SchemaObject;
    expect(fillRequest.required).toEqual([
      'performedAt',
      'residualWithdrawnMl',
      'volumeAddedMl',
      'concentrationMcgPerMl',
      'dailyDoseMcg',
      'drugProduct',
      'lotNumber',
      'lotExpiresOn',
      'pumpVersion',
    ]);
    expect(fillRequest.additionalProperties).toBe(false); // .strict(): unknown fields answer 400
    expect(fillRequest.properties!.volumeAddedMl).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 100,
      multipleOf: 0.01,
    });
    // 403: admins may not record a refill (specialist, nurse only), and a cross-site Origin; 413 and 415 for
    // any write's body; 503 while the database is down.
    const statuses = Object.keys(responsesOf(served, record)).sort();
    expect(statuses).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503']);
    expect(errorCodesIn(responsesOf(served, record)['409']!)).toEqual(['CONFLICT', 'STALE_VERSION']);
    expect((record.parameters as oas31.ParameterObject[]).map((p) => `${p.in} ${p.name}`)).toEqual([
      'path id',
      'header Idempotency-Key',
    ]);

    const timeline = served.paths!['/patients/{id}/timeline']!.get!;
    expect((timeline.parameters as oas31.ParameterObject[]).map((p) => p.name)).toEqual([
      'id',
      'cursor',
      'limit',
      'kind',
    ]);
  });

  it('declares the session cookie, required everywhere but sign-in, health, invitation links and calendar feeds', () => {
    expect(served.components!.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'itb_session' }),
      apiToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(served.security).toEqual([{ session: [] }]);
    // A personal API token is accepted by the FHIR API's operations, and by nothing else.
    const byToken = operations(served)
      .filter(({ op }) => op.security?.some((s) => 'apiToken' in s))
      .map(({ path }) => path);
    expect(byToken).toHaveLength(16);
    expect(byToken.every((p) => p.startsWith('/fhir/R4/'))).toBe(true);
    const open = operations(served)
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map(({ op }) => op.operationId);
    expect(open.sort()).toEqual([
      'acceptInvitation',
      'getCalendarIcs',
      'getHealth',
      'getLiveness',
      'getReadiness',
      'login',
      'lookUpInvitation',
    ]);
  });

  it('answers a repeated GET with its ETag 304, as documented', async () => {
    const first = await clinic.as.nurse.get('/api/clinic').expect(200);
    const again = await clinic.as.nurse.get('/api/clinic').set('If-None-Match', first.headers.etag!).expect(304);
    expect(again.headers[CONTRACT_VIOLATION_HEADER.toLowerCase()]).toBeUndefined();
    expect(served.paths!['/clinic']!.get!.responses!['304']).toEqual({ $ref: '#/components/responses/NotModified' });
  });

  it('needs a session to read /api/docs and /api/docs-json', async () => {
    for (const path of ['/api/docs', '/api/docs-json']) {
      const res = await request(ctx.server).get(path).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    const page = await clinic.as.admin.get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
  });

  it('serves the document without a session when API_DOCS_PUBLIC=true', async () => {
    const open = await createTestApp({ env: { API_DOCS_PUBLIC: 'true' } });
    try {
      const res = await request(open.server).get('/api/docs-json').expect(200);
      expect(res.body.info.title).toBe('ITB Clinic API');
    } finally {
      await open.app.close();
    }
  });
});

describe('the response check of the test tiers', () => {
  const document = buildOpenApiDocument(CONTROLLERS);

  /** A bare Express app that answers GET /api/health with whatever a test hands it. */
  function answering(status: number, body: unknown) {
    const app = express();
    app.use(responseValidator(document));
    app.get('/api/health', (_req, res) => {
      res.status(status).json(body);
    });
    return app;
  }

  it('lets a documented answer through untouched', async () => {
    const res = await request(answering(200, { status: 'ok', database: 'up' }))
      .get('/api/health')
      .expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
    expect(res.headers[CONTRACT_VIOLATION_HEADER.toLowerCase()]).toBeUndefined();
  });

  it.each([
    ['an undocumented field', 200, { status: 'ok', database: 'up', version: 3 }, 'must NOT have additional properties'],
    ['a value outside the schema', 200, { status: 'ok', database: 'sleepy' }, 'must be equal to constant'],
    ['an undocumented status', 404, { code: 'NOT_FOUND', message: 'x', details: [] }, 'status 404 is not documented'],
    [
      'an error code its status does not answer',
      500,
      { code: 'CONFLICT', message: 'x', details: [] },
      'allowed values',
    ],
  ])('turns %s into a loud 500', async (_label, status, body, problem) => {
    const before = contractViolations.length;
    const res = await request(answering(status, body)).get('/api/health').expect(500);
    expect(res.headers[CONTRACT_VIOLATION_HEADER.toLowerCase()]).toBe('true');
    expect(res.body.message).toContain(problem);
    expect(contractViolations.slice(before)).toEqual([expect.objectContaining({ path: '/api/health', status })]);
  });

  it('covers every error code in the document', () => {
    const codes = (document.components!.schemas!.ErrorBody as oas31.SchemaObject).properties!
      .code as oas31.SchemaObject;
    expect(codes.enum).toEqual([...ERROR_CODES]);
  });
});
