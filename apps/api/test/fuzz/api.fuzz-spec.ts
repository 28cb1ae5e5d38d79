import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@itb/contracts';
import fc from 'fast-check';
import request from 'supertest';
import type { oas31 } from 'zod-openapi';
import { createClinic, createPatient, implantPump, type TestClinic } from '../factories.js';
import { createTestApp, type TestContext } from '../test-app.js';
import { arbitraryFor, type JsonSchema, junk } from './schema-arbitrary.js';

/**
 * The fuzz tier (issue 12, acceptance 2): requests generated from the OpenAPI document for every
 * operation — bodies, queries, path ids and cursors, mostly well-formed, sometimes junk — against the
 * real app on a real PostgreSQL, with a fixed seed. No answer may be a 5xx, and a 4xx must store
 * nothing (the clinic's clinical rows are counted before and after each refused request).
 */
const SEED = 20261130;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 75);
const TABLES = ['patients', 'pumps', 'fills', 'dose_adjustments', 'pump_events', 'appointments', 'flags'];
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;
const REPORT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../reports/fuzz-5xx.json');
/** A hand-edited cursor of the right shape and the wrong types (issue 12 item 4). */
const JUNK_CURSOR = Buffer.from('["junk","junk"]').toString('base64url');
/**
 * 5xx answers known and accepted: none. A new entry would be printed on every run, never hidden; the
 * hand-edited cursors it once listed answer 400 since cursors are signed.
 */
const KNOWN_5XX: { why: string; matches: (f: Finding) => boolean }[] = [];
/** Signing out would end the session the other requests use. */
const SKIPPED = new Set(['logout']);

interface Finding {
  operationId: string;
  method: string;
  url: string;
  body: unknown;
  status: number;
  answer: unknown;
}

async function clinicalRowCounts(ctx: TestContext, clinicId: string): Promise<string> {
  const [row] = (await ctx.dataSource.query(
    `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE clinic_id = $1)::int AS ${t}`).join(', ')},
            (SELECT count(*) FROM audit_events WHERE clinic_id = $1 AND action NOT LIKE 'auth.%')::int AS audit`,
    [clinicId],
  )) as [Record<string, number>];
  return JSON.stringify(row);
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let document: oas31.OpenAPIObject;
  let ids: string[];
  const cursors: string[] = [JUNK_CURSOR, 'bm90LWpzb24', '%%%'];
  const findings: Finding[] = [];
  const writesOn4xx: Finding[] = [];
  let requests = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    document = (await clinic.as.admin.get('/api/docs-json').expect(200)).body as oas31.OpenAPIObject;
    const withPump = await createPatient(clinic);
    const pump = await implantPump(clinic, withPump.id, new Date(Date.now() - 30 * 86_400_000).toISOString());
    const withoutPump = await createPatient(clinic);
    const flag = await clinic.as.nurse
      .post(`/api/patients/${withPump.id}/flags`)
      .send({ signs: ['fever'], note: 'fuzz' })
      .expect(201);
    const appointment = await clinic.as.nurse
      .post('/api/appointments')
      .send({
        patientId: withPump.id,
        type: 'dose_review',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      .expect(201);
    ids = [withPump.id, withoutPump.id, pump.id, pump.currentFill!.id, flag.body.id, appointment.body.id];
  });
  afterAll(async () => {
    mkdirSync(path.dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, `${JSON.stringify({ requests, findings, writesOn4xx }, null, 2)}\n`);
    await ctx.app.close();
  });

  it(`answers no 5xx and stores nothing on a 4xx over ${RUNS_PER_OPERATION} requests per operation`, async () => {
    const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
    const operations = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path: p, method, op: item[method] as oas31.OperationObject })),
    );
    const pathId = fc.oneof(
      { arbitrary: fc.constantFrom(...ids), weight: 4 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: fc.constantFrom('abc', '0', 'null', '..', '%00', 'x'.repeat(300)), weight: 1 },
    );

    for (const [index, { path: template, method, op }] of operations.entries()) {
      if (SKIPPED.has(op.operationId ?? '')) continue;
      const roles = /Roles: ([a-z, ]+)\./.exec(op.description ?? '')?.[1]?.split(', ') as Role[] | undefined;
      const role: Role | null = roles ? (roles.includes('specialist') ? 'specialist' : roles[0]!) : null;
      const params = (op.parameters ?? []) as oas31.ParameterObject[];
      const query = params.filter((p) => p.in === 'query');
      const bodySchema = (op.requestBody as oas31.RequestBodyObject | undefined)?.content['application/json']
        ?.schema as JsonSchema | undefined;

      const queryArb = fc.record(
        Object.fromEntries(
          query.map((p) => [
            p.name,
            p.name === 'cursor'
              ? fc.oneof(fc.constantFrom(...cursors), junk)
              : arbitraryFor(p.schema as JsonSchema, components, ids),
          ]),
        ),
        { requiredKeys: [] },
      );
      const bodyArb = bodySchema ? arbitraryFor(bodySchema, components, ids) : fc.constant(undefined);

      await fc.assert(
        fc.asyncProperty(pathId, queryArb, bodyArb, async (id, queryValues, body) => {
          const url = `/api${template.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(id)))}`;
          const search = new URLSearchParams();
          for (const [key, value] of Object.entries(queryValues)) {
            search.set(
              key,
              Array.isArray(value)
                ? value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(',')
                : typeof value === 'object'
                  ? JSON.stringify(value)
                  : String(value),
            );
          }
          const full = search.size ? `${url}?${search}` : url;
          const before = await clinicalRowCounts(ctx, clinic.id);
          const agent = role ? clinic.as[role] : request(ctx.server);
          let call = agent[method as 'get'](full);
          if (body !== undefined) call = call.set('Content-Type', 'application/json').send(JSON.stringify(body));
          const res = await call;
          requests++;
          const finding = {
            operationId: op.operationId!,
            method,
            url: full,
            body,
            status: res.status,
            answer: res.body,
          };
          if (res.status >= 500) findings.push(finding);
          if (res.status >= 400 && res.status < 500 && (await clinicalRowCounts(ctx, clinic.id)) !== before) {
            writesOn4xx.push(finding);
          }
          const next = (res.body as { nextCursor?: unknown })?.nextCursor;
          if (typeof next === 'string') cursors.push(next);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION },
      );
    }

    expect(requests).toBeGreaterThanOrEqual(3000);
    const known = findings.filter((f) => KNOWN_5XX.some((k) => k.matches(f)));
    if (known.length) {
      process.stdout.write(
        `Known 5xx (see KNOWN_5XX), ${known.length}:\n${known.map((f) => `  ${f.status} ${f.method.toUpperCase()} ${f.url}`).join('\n')}\n`,
      );
    }
    const unknown = findings.filter((f) => !known.includes(f));
    expect(unknown.map((f) => `${f.status} ${f.method.toUpperCase()} ${f.url} ${JSON.stringify(f.body)}`)).toEqual([]);
    expect(writesOn4xx.map((f) => `${f.status} ${f.method.toUpperCase()} ${f.url}`)).toEqual([]);
  });
});
