import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  countAuditEvents,
  countRows,
  createClinic,
  createPatient,
  implantInput,
  implantPump,
  patientInput,
  type TestClinic,
} from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** A cursor as a client could hand-edit it: base64url of `["junk","junk"]`, no signature. */
const JUNK_CURSOR = Buffer.from(JSON.stringify(['junk', 'junk'])).toString('base64url');

const fieldsOf = (body: { details: Array<{ field: string }> }) => body.details.map((d) => d.field);

describe('malformed input is refused at the edge with the field named', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pumpId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    patientId = (await createPatient(clinic)).id;
    pumpId = (await implantPump(clinic, patientId, '2026-01-05T10:00:00Z')).id;
  });
  afterAll(async () => ctx.app.close());

  const lists = () => [
    '/api/patients',
    '/api/flags',
    '/api/appointments',
    '/api/refill-queue',
    '/api/audit-events',
    `/api/patients/${patientId}/timeline`,
    `/api/pumps/${pumpId}/fills`,
  ];

  it('answers 400 naming cursor for a hand-made cursor on every paged list', async () => {
    for (const path of lists()) {
      for (const cursor of [JUNK_CURSOR, `${JUNK_CURSOR}.AAAAAAAAAAAAAAAAAAAAAA`, 'not base64 at all', '\u0000']) {
        const agent = path.startsWith('/api/audit') ? clinic.as.admin : clinic.as.specialist;
        const res = await agent.get(path).query({ cursor });
        expect([path, res.status]).toEqual([path, 400]);
        expect(fieldsOf(res.body)).toEqual(['cursor']);
      }
    }
  });

  it('refuses a genuine cursor whose payload was edited, or one from another list', async () => {
    for (let i = 0; i < 3; i++) await createPatient(clinic);
    const page = await clinic.as.nurse.get('/api/patients').query({ limit: 1 }).expect(200);
    const cursor = page.body.nextCursor as string;
    await clinic.as.nurse.get('/api/patients').query({ limit: 1, cursor }).expect(200);
    const [payload, signature] = cursor.split('.') as [string, string];
    const values = JSON.parse(Buffer.from(payload, 'base64url').toString()) as string[];
    const edited = `${Buffer.from(JSON.stringify(['a', 'a', values[2]])).toString('base64url')}.${signature}`;
    const res = await clinic.as.nurse.get('/api/patients').query({ cursor: edited }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['cursor']);
    // Same arity (three values), other list: the signature names the list.
    await clinic.as.nurse.get(`/api/patients/${patientId}/timeline`).query({ cursor }).expect(400);
  });

  it.each([
    ['year 0000', '0000-01-01'],
    ['before 1900', '1899-12-31'],
    ['after 2200', '2201-01-01'],
    ['30 February', '2023-02-30'],
    ['29 February of a common year', '2023-02-29'],
  ])('refuses a calendar date in %s with 400 naming it, and stores nothing', async (_label, date) => {
    const own = await createClinic(ctx);
    const res = await own.as.nurse
      .post('/api/patients')
      .send(patientInput({ birthDate: date }))
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['birthDate']);
    expect(await countRows(ctx, 'patients', own.id)).toBe(0);
    const query = await own.as.admin.get('/api/audit-events').query({ from: date }).expect(400);
    expect(fieldsOf(query.body)).toEqual(['from']);
  });

  it.each([
    ['in year 10000', '10000-01-01T09:00:00Z'],
    ['that is year 10000 in UTC', '9999-12-31T23:00:00-05:00'],
    ['in 2201', '2201-01-01T00:00:00Z'],
    ['in 1899', '1899-12-31T23:59:59Z'],
    ['with an offset past 14 hours', '2026-03-01T09:00:00+15:00'],
    ['on 31 April', '2026-04-31T09:00:00Z'],
  ])('refuses an appointment %s with 400 naming startsAt, and stores nothing', async (_label, startsAt) => {
    const own = await createClinic(ctx);
    const patient = await createPatient(own);
    const res = await own.as.nurse
      .post('/api/appointments')
      .send({ patientId: patient.id, type: 'refill', startsAt })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['startsAt']);
    expect(await countRows(ctx, 'appointments', own.id)).toBe(0);
  });

  it('accepts the edges of the span: 1900-01-01 and 2200-12-31', async () => {
    await clinic.as.nurse
      .post('/api/patients')
      .send(patientInput({ birthDate: '1900-01-01' }))
      .expect(201);
    const appointment = await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId, type: 'refill', startsAt: '2200-12-31T09:00:00Z' })
      .expect(201);
    expect(appointment.body.startsAt).toBe('2200-12-31T09:00:00.000Z');
  });

  it('refuses NUL in any text field, nested or not, with 400 naming the field and nothing stored', async () => {
    const own = await createClinic(ctx);
    const patient = await createPatient(own);
    const before = await countAuditEvents(ctx, own.id);
    const cases: Array<
      [string, () => Promise<{ status: number; body: { details: Array<{ field: string }> } }>, string]
    > = [
      [
        'givenName',
        () => own.as.nurse.post('/api/patients').send(patientInput({ givenName: 'Ada\u0000' })),
        'givenName',
      ],
      ['notes', () => own.as.nurse.post('/api/patients').send(patientInput({ notes: '\u0000' })), 'notes'],
      [
        'initialFill.drugProduct',
        () =>
          own.as.specialist.post(`/api/patients/${patient.id}/pumps`).send(
            implantInput('2026-01-05T10:00:00Z', {
              initialFill: { drugProduct: 'Lioresal\u0000' } as never,
            }),
          ),
        'initialFill.drugProduct',
      ],
      [
        'patch familyName',
        () => own.as.nurse.patch(`/api/patients/${patient.id}`).send({ version: 1, familyName: 'x\u0000y' }),
        'familyName',
      ],
      [
        'flag note',
        () => own.as.nurse.post(`/api/patients/${patient.id}/flags`).send({ signs: ['fever'], note: 'hot\u0000' }),
        'note',
      ],
      ['clinic name', () => own.as.admin.patch('/api/clinic').send({ version: 1, name: 'N\u0000' }), 'name'],
      [
        'sign-in email',
        () => own.as.nurse.post('/api/auth/login').send({ email: 'a\u0000@b.example', password: 'x' }),
        'email',
      ],
      ['a search', () => own.as.nurse.get('/api/patients').query({ q: 'Ada\u0000' }), 'q'],
      ['an audit filter', () => own.as.admin.get('/api/audit-events').query({ action: 'fill.\u0000' }), 'action'],
      ['a list item', () => own.as.nurse.get('/api/flags').query({ status: 'open,\u0000' }), 'status'],
    ];
    for (const [label, send, field] of cases) {
      const res = await send();
      expect([label, res.status]).toEqual([label, 400]);
      expect([label, fieldsOf(res.body)]).toEqual([label, [field]]);
    }
    expect(await countRows(ctx, 'patients', own.id)).toBe(1);
    expect(await countRows(ctx, 'pumps', own.id)).toBe(0);
    expect(await countAuditEvents(ctx, own.id)).toBe(before);
  });

  it('answers 404 for a path id that is not a UUID, NUL included, like any unknown id', async () => {
    await clinic.as.nurse.get('/api/patients/not-an-id').expect(404);
    await clinic.as.nurse.get('/api/patients/%00').expect(404);
    await clinic.as.nurse.get(`/api/pumps/${pumpId}%00/fills`).expect(404);
  });

  it('refuses versions beyond a Postgres integer with 400 naming the field, instead of a 500', async () => {
    const patient = await createPatient(clinic);
    const res = await clinic.as.nurse
      .patch(`/api/patients/${patient.id}`)
      .send({ version: 2_147_483_648, givenName: 'Bea' })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['version']);
    const clinicRes = await clinic.as.admin
      .patch('/api/clinic')
      .send({ version: 2 ** 53 - 1 })
      .expect(400);
    expect(fieldsOf(clinicRes.body)).toEqual(['version']);
  });

  it('refuses numbers finer than their column keeps (a concentration of 0.001 mcg/mL would be stored as 0)', async () => {
    const own = await createClinic(ctx);
    const patient = await createPatient(own);
    const res = await own.as.specialist
      .post(`/api/patients/${patient.id}/pumps`)
      .send(implantInput('2026-01-05T10:00:00Z', { initialFill: { concentrationMcgPerMl: 0.001 } as never }))
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['initialFill.concentrationMcgPerMl']);
    expect(await countRows(ctx, 'pumps', own.id)).toBe(0);
  });
});
