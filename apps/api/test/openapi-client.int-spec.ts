import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createClinic, createPatient, implantPump, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * What an integrator writes against the generated types: page the refill queue, record a refill, read
 * a patient's timeline. The `@ts-expect-error` lines prove the types are real (a wrong query value, a
 * refill without its volume, an unknown path): were anything `any`, tsc would call them unused.
 */
const CLIENT_SOURCE = `
import type { Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

type Api = Client<paths>;
export type RefillQueueRow = components['schemas']['RefillQueueRow'];
export type FillRequest = components['schemas']['FillRequest'];

export async function signIn(client: Api, email: string, password: string): Promise<string> {
  const { data, error, response } = await client.POST('/auth/login', { body: { email, password } });
  if (error) throw new Error(\`\${error.code}: \${error.message}\`);
  const role: 'specialist' | 'nurse' | 'admin' = data.role;
  return \`\${role} \${response.headers.get('set-cookie')?.split(';')[0] ?? ''}\`;
}

/** Every row of the queue, a page at a time, following nextCursor. */
export async function wholeQueue(client: Api, withinDays: number, limit: number): Promise<{ rows: RefillQueueRow[]; pages: number }> {
  const rows: RefillQueueRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, error } = await client.GET('/refill-queue', { params: { query: { withinDays, limit, cursor } } });
    if (error) throw new Error(\`\${error.code}: \${error.message}\`);
    pages++;
    rows.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return { rows, pages };
}

export async function recordRefill(client: Api, pumpId: string, fill: FillRequest, key: string) {
  const { data, error } = await client.POST('/pumps/{id}/fills', {
    params: { path: { id: pumpId }, header: { 'Idempotency-Key': key } },
    body: fill,
  });
  if (error) throw new Error(\`\${error.code}: \${error.message} \${error.details.map((d) => d.field).join(',')}\`);
  const expected: number | null = data.expectedResidualMl;
  const refillBy: string = data.projection.refillBy;
  return { id: data.id, expected, refillBy };
}

export async function fillTimeline(client: Api, patientId: string): Promise<string[]> {
  const { data, error } = await client.GET('/patients/{id}/timeline', {
    params: { path: { id: patientId }, query: { kind: 'fill' } },
  });
  if (error) throw new Error(error.message);
  return data.items.map((item) => \`\${item.kind} \${item.id}\`);
}

export function misuses(client: Api) {
  // @ts-expect-error withinDays is a number of days
  void client.GET('/refill-queue', { params: { query: { withinDays: 'soon' } } });
  // @ts-expect-error there is no such path
  void client.GET('/refill-queues');
  // @ts-expect-error a refill needs volumeAddedMl (and more)
  const partial: FillRequest = { performedAt: '2026-01-01T00:00:00Z', residualWithdrawnMl: 1 };
  return partial;
}
`;

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('a client generated with openapi-typescript from the served document', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let dir: string;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    await ctx.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}/api`;
    clinic = await createClinic(ctx);
    // Inside node_modules so that `openapi-fetch` resolves, and no linter or formatter looks at it.
    const cache = path.join(apiDir, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(path.join(cache, 'openapi-client-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.app.close();
  });

  it('type-checks a client that pages the queue, records a refill and reads the timeline, then runs it', async () => {
    const served = (await clinic.as.nurse.get('/api/docs-json').expect(200)).body as Parameters<typeof openapiTS>[0];
    writeFileSync(path.join(dir, 'schema.ts'), astToString(await openapiTS(served)));
    writeFileSync(path.join(dir, 'client.ts'), CLIENT_SOURCE);

    const program = ts.createProgram([path.join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? path.basename(d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(problems).toEqual([]);

    // The same client, run against the API: two pumps in the queue, a page of one at a time.
    ctx.clock.set('2026-06-01T09:00:00Z');
    const first = await createPatient(clinic);
    const second = await createPatient(clinic);
    const pumpA = await implantPump(clinic, first.id, '2026-04-02T09:00:00Z');
    const pumpB = await implantPump(clinic, second.id, '2026-04-12T09:00:00Z');
    const js = ts.transpileModule(CLIENT_SOURCE, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    writeFileSync(path.join(dir, 'client.mjs'), js);
    const client = await import(path.join(dir, 'client.mjs'));

    const anonymous = createClient({ baseUrl });
    const [role, cookie] = (await client.signIn(anonymous, clinic.users.nurse.email, TEST_PASSWORD)).split(' ');
    expect(role).toBe('nurse');
    const api = createClient({ baseUrl, headers: { cookie } });

    const queue = await client.wholeQueue(api, 365, 1);
    expect(queue.pages).toBe(2);
    expect(queue.rows.map((r: { pumpId: string }) => r.pumpId).sort()).toEqual([pumpA.id, pumpB.id].sort());

    // 60 days at 400 mcg/day of 2000 mcg/mL = 0.2 mL/day × 60 = 12 mL used of 20 mL: 8 mL expected back.
    const refill = await client.recordRefill(
      api,
      pumpA.id,
      {
        performedAt: '2026-06-01T09:00:00Z',
        residualWithdrawnMl: 8,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT124',
        lotExpiresOn: '2030-01-01',
        pumpVersion: pumpA.version,
      },
      'client-refill-0001',
    );
    expect(refill.expected).toBeCloseTo(8, 2);

    const timeline = await client.fillTimeline(api, first.id);
    expect(timeline).toEqual([`fill ${refill.id}`, `fill ${pumpA.currentFill!.id}`]);
  }, 180_000); // a whole tsc program: ~20 s alone, minutes on a loaded machine
});
