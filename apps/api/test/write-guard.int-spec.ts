import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createClinic, patientInput, TEST_PASSWORD, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const ALLOWED = 'https://dashboard.clinic.example';

describe('writes: JSON only, from the dashboard’s own origin', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp({ env: { ALLOWED_ORIGINS: ALLOWED } });
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  const usersNamed = async (email: string) =>
    ((await ctx.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])) as unknown[]).length;
  const newUser = () => ({
    email: `made-${randomUUID().slice(0, 8)}@test.example`,
    name: 'Form Admin',
    role: 'admin',
    password: 'a-long-password-1',
  });

  it('refuses a form-encoded POST with 415 in the error shape and creates no user', async () => {
    const user = newUser();
    const res = await clinic.as.admin
      .post('/api/users')
      .type('form')
      .send(new URLSearchParams(user).toString())
      .expect(415);
    expect(res.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: [{ field: 'Content-Type', message: 'must be application/json' }],
    });
    expect(typeof res.body.requestId).toBe('string');
    expect(await usersNamed(user.email)).toBe(0);
  });

  it.each([
    ['text/plain', (u: object) => JSON.stringify(u)],
    ['multipart/form-data; boundary=x', () => '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'],
    ['application/x-www-form-urlencoded', () => ''],
  ])('refuses a %s body with 415', async (type, body) => {
    const user = newUser();
    await clinic.as.admin.post('/api/users').set('Content-Type', type).send(body(user)).expect(415);
    expect(await usersNamed(user.email)).toBe(0);
  });

  it('accepts a body-less write without a content type (sign-out)', async () => {
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ email: clinic.users.nurse.email, password: TEST_PASSWORD }).expect(200);
    await agent.post('/api/auth/logout').expect(204);
  });

  it('refuses a cross-site POST with 403 and writes nothing, even with the session cookie', async () => {
    const user = newUser();
    const res = await clinic.as.admin
      .post('/api/users')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send(user)
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await usersNamed(user.email)).toBe(0);
  });

  it.each([
    ['an Origin of another site', { Origin: 'https://evil.example' }],
    ['an opaque Origin (sandboxed frame)', { Origin: 'null' }],
    ['a same-site subdomain', { Origin: 'http://evil.clinic.test', 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site cross-site without Origin', { 'Sec-Fetch-Site': 'cross-site' }],
    [
      'the right Origin but Sec-Fetch-Site cross-site',
      { Origin: 'http://clinic.test', 'Sec-Fetch-Site': 'cross-site' },
    ],
  ])('refuses a write with %s', async (_label, headers) => {
    const input = patientInput();
    await clinic.as.nurse.post('/api/patients').set('Host', 'clinic.test').set(headers).send(input).expect(403);
    const rows = (await ctx.dataSource.query(`SELECT id FROM patients WHERE mrn = $1`, [input.mrn])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    await request(ctx.server)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: clinic.users.nurse.email, password: TEST_PASSWORD })
      .expect(403);
  });

  it('accepts writes from the served origin, from ALLOWED_ORIGINS, and from clients that send no Origin', async () => {
    await clinic.as.nurse
      .post('/api/patients')
      .set('Host', 'clinic.test:8443')
      .set('Origin', 'https://clinic.test:8443')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(patientInput())
      .expect(201);
    await clinic.as.nurse
      .post('/api/patients')
      .set('Origin', ALLOWED)
      .set('Sec-Fetch-Site', 'cross-site')
      .send(patientInput())
      .expect(201);
    await clinic.as.nurse.post('/api/patients').send(patientInput()).expect(201);
  });

  it('leaves reads alone whatever their Origin', async () => {
    await clinic.as.nurse.get('/api/patients').set('Origin', 'https://evil.example').expect(200);
  });

  it('answers 413 in the error shape for a body over 100 kB and stores nothing', async () => {
    const input = patientInput({ notes: 'x'.repeat(101 * 1024) });
    const res = await clinic.as.nurse.post('/api/patients').send(input).expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: '(body)' }] });
    const rows = (await ctx.dataSource.query(`SELECT id FROM patients WHERE mrn = $1`, [input.mrn])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await clinic.as.nurse
      .post('/api/patients')
      .set('Content-Type', 'application/json')
      .send('{"mrn": ')
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: '(body)', message: 'is not valid JSON' }],
    });
  });
});
