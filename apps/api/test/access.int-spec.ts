import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@itb/contracts';
import request from 'supertest';
import { createClinic, createPatient, implantInput, implantPump, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * The role table (DESIGN.md "Users and roles"). Every route the router holds must be listed here,
 * so a new endpoint cannot ship without its roles being decided and tested.
 */
const ROUTES: Record<string, Role[] | 'public'> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/invitations/lookup': 'public',
  'POST /api/auth/invitations/accept': 'public',
  'POST /api/auth/password': ['specialist', 'nurse', 'admin'],
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'POST /api/auth/logout': ['specialist', 'nurse', 'admin'],
  'GET /api/auth/me': ['specialist', 'nurse', 'admin'],
  'PATCH /api/auth/me': ['specialist', 'nurse'],
  'GET /api/users': ['specialist', 'nurse', 'admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/reset': ['admin'],
  'GET /api/clinic': ['specialist', 'nurse', 'admin'],
  'PATCH /api/clinic': ['admin'],
  'GET /api/patients': ['specialist', 'nurse', 'admin'],
  'POST /api/patients': ['specialist', 'nurse'],
  'GET /api/patients/:id': ['specialist', 'nurse', 'admin'],
  'PATCH /api/patients/:id': ['specialist', 'nurse'],
  'POST /api/patients/:id/pumps': ['specialist', 'nurse'],
  'GET /api/pumps/:id': ['specialist', 'nurse', 'admin'],
  'PATCH /api/pumps/:id': ['specialist'],
  'POST /api/pumps/:id/explant': ['specialist'],
  'POST /api/pumps/:id/replace': ['specialist'],
  'GET /api/pumps/:id/projection': ['specialist', 'nurse', 'admin'],
  'GET /api/pumps/:id/fills': ['specialist', 'nurse', 'admin'],
  'GET /api/pumps/:id/reservoir-history': ['specialist', 'nurse', 'admin'],
  'POST /api/pumps/:id/fills': ['specialist', 'nurse'],
  'POST /api/pumps/:id/fills/preview': ['specialist', 'nurse'],
  'GET /api/pumps/:id/dose-adjustments': ['specialist', 'nurse', 'admin'],
  'POST /api/pumps/:id/dose-adjustments': ['specialist', 'nurse'],
  'POST /api/pumps/:id/dose-adjustments/preview': ['specialist', 'nurse'],
  'GET /api/pumps/:id/events': ['specialist', 'nurse', 'admin'],
  'POST /api/pumps/:id/events': ['specialist', 'nurse'],
  'GET /api/flags': ['specialist', 'nurse', 'admin'],
  'GET /api/flags/:id': ['specialist', 'nurse', 'admin'],
  'POST /api/patients/:id/flags': ['specialist', 'nurse'],
  'POST /api/flags/:id/acknowledge': ['specialist', 'nurse'],
  'POST /api/flags/acknowledge': ['specialist', 'nurse'],
  'POST /api/flags/:id/resolve': ['specialist'],
  'GET /api/appointments': ['specialist', 'nurse', 'admin'],
  'POST /api/appointments': ['specialist', 'nurse'],
  'POST /api/appointments/preview': ['specialist', 'nurse'],
  'PATCH /api/appointments/:id': ['specialist', 'nurse'],
  'GET /api/refill-queue': ['specialist', 'nurse'],
  'GET /api/replacement-worklist': ['specialist', 'nurse', 'admin'],
  'GET /api/reports/overdue': ['specialist', 'admin'],
  'GET /api/reports/overdue.csv': ['specialist', 'admin'],
  'GET /api/reports/overdue/patients': ['specialist', 'admin'],
  'GET /api/reports/overdue/now': ['specialist', 'admin'],
  'GET /api/patients/:id/timeline': ['specialist', 'nurse', 'admin'],
  'GET /api/patients/:id/emergency-card': ['specialist', 'nurse', 'admin'],
  'GET /api/patients/:id/emergency-card.pdf': ['specialist', 'nurse', 'admin'],
  'GET /api/pumps/:id/refill-worksheet': ['specialist', 'nurse'],
  'GET /api/pumps/:id/refill-worksheet.pdf': ['specialist', 'nurse'],
  'GET /api/fills/:id/worksheet': ['specialist', 'nurse'],
  'GET /api/fills/:id/worksheet.pdf': ['specialist', 'nurse'],
  'GET /api/audit-events': ['admin'],
  'GET /api/messages': ['admin'],
  'GET /api/messages/summary': ['admin'],
  'GET /api/messages/letters.pdf': ['admin'],
  'POST /api/messages/letters/printed': ['admin'],
  'POST /api/messages/:id/resend': ['admin'],
  'GET /api/tasks': ['specialist', 'nurse'],
  'POST /api/tasks/:id/done': ['specialist', 'nurse'],
  // Each user's own feed; the feed itself takes its token as the credential (no session).
  'GET /api/calendar-feed': ['specialist', 'nurse', 'admin'],
  'POST /api/calendar-feed': ['specialist', 'nurse', 'admin'],
  'PATCH /api/calendar-feed': ['specialist', 'nurse', 'admin'],
  'DELETE /api/calendar-feed': ['specialist', 'nurse', 'admin'],
  'GET /api/calendar/:token.ics': 'public',
  'GET /api/api-tokens': ['admin'],
  'POST /api/api-tokens': ['admin'],
  'POST /api/api-tokens/:id/revoke': ['admin'],
  // The read-only FHIR API: every role with a session (admins read clinical records anyway), or an API token.
  'GET /api/fhir/R4/metadata': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Patient': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Patient/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Patient/:id/$everything': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Device': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Device/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/MedicationRequest': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/MedicationRequest/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Procedure': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Procedure/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Observation': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Observation/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Flag': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Flag/:id': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Appointment': ['specialist', 'nurse', 'admin'],
  'GET /api/fhir/R4/Appointment/:id': ['specialist', 'nurse', 'admin'],
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function routerRoutes(ctx: TestContext): string[] {
  const instance = ctx.app.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  return stack
    .filter((layer) => layer.route?.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    );
}

const sample = (path: string) => path.replace(':id', '00000000-0000-4000-8000-000000000000');

describe('access control on every route', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let routes: string[];

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    routes = routerRoutes(ctx);
  });
  afterAll(async () => ctx.app.close());

  it('finds the routes in the router and every one of them is in the role table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(ROUTES).length);
    expect(routes.filter((r) => !(r in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers 401 without a session on every route but login and health', async () => {
    for (const route of routes) {
      if (ROUTES[route] === 'public') continue;
      const [method, path] = route.split(' ') as [string, string];
      const res = await request(ctx.server)[method.toLowerCase() as 'get'](sample(path)).send({});
      // The FHIR API answers an OperationOutcome whose issue names our code.
      const code = (res.body.code ?? res.body.issue?.[0]?.details?.coding?.[0]?.code) as string | undefined;
      expect({ route, status: res.status, code }).toEqual({
        route,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('answers 403 to each role the role table forbids', async () => {
    let checked = 0;
    for (const route of routes) {
      const allowed = ROUTES[route];
      if (allowed === 'public' || allowed === undefined) continue;
      const [method, path] = route.split(' ') as [string, string];
      for (const role of ['specialist', 'nurse', 'admin'] as const) {
        if (allowed.includes(role)) continue;
        const res = await clinic.as[role][method.toLowerCase() as 'get'](sample(path)).send({});
        expect({ route, role, status: res.status }).toEqual({ route, role, status: 403 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("answers 404, never 403, for another clinic's patient and pump", async () => {
    const other = await createClinic(ctx, { timeZone: 'America/Chicago' });
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, new Date(Date.now() - 86_400_000).toISOString());
    for (const role of ['specialist', 'nurse', 'admin'] as const) {
      await other.as[role].get(`/api/patients/${patient.id}`).expect(404);
      await other.as[role].get(`/api/pumps/${pump.id}`).expect(404);
    }
    await other.as.specialist.patch(`/api/patients/${patient.id}`).send({ version: 1, givenName: 'X' }).expect(404);
    await other.as.specialist
      .patch(`/api/pumps/${pump.id}`)
      .send({ version: pump.version, alarmMl: 3, reason: 'Interrogated' })
      .expect(404);
    await other.as.nurse
      .post(`/api/patients/${patient.id}/pumps`)
      .send(implantInput(new Date(Date.now() - 3_600_000).toISOString()))
      .expect(404);
    const list = await other.as.specialist.get('/api/patients').query({ q: patient.mrn }).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('sets security headers', async () => {
    const res = await request(ctx.server).get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
