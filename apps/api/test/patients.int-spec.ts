import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  countAuditEvents,
  countRows,
  createClinic,
  createPatient,
  patientInput,
  type TestClinic,
} from './factories.js';
import { createTestApp, runDatabaseUrl, type TestContext } from './test-app.js';

const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

describe('patients', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  it('creates a patient as a nurse, answers what was sent, and audits it', async () => {
    const input = patientInput({
      riskFactors: ['sci_t6_or_above'],
      cautions: ['epilepsy'],
      oralBaclofenBackupMgPerDay: 30,
    });
    const res = await clinic.as.nurse.post('/api/patients').send(input).expect(201);
    expect(res.body).toMatchObject({ ...input, status: 'active', isHighRisk: true, version: 1, activePump: null });
    const audit = await clinic.as.admin.get('/api/audit-events').query({ entityId: res.body.id }).expect(200);
    const created = audit.body.items.find((a: { action: string }) => a.action === 'patient.create');
    expect(created).toMatchObject({ actorId: clinic.users.nurse.id, before: null, after: { mrn: input.mrn } });
    expect(created.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the new cautions and the interacting medicines, and allows an oral back-up above 80 mg/day', async () => {
    const input = patientInput({
      cautions: ['breastfeeding', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: ['benzodiazepines', 'alcohol', 'tizanidine'],
      oralBaclofenBackupMgPerDay: 120, // above the usual 80 mg/day: a warning on the form, never a refusal
    });
    const res = await clinic.as.specialist.post('/api/patients').send(input).expect(201);
    expect(res.body).toMatchObject({
      cautions: ['breastfeeding', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: ['benzodiazepines', 'alcohol', 'tizanidine'],
      oralBaclofenBackupMgPerDay: 120,
    });
    const changed = await clinic.as.nurse
      .patch(`/api/patients/${res.body.id}`)
      .send({ version: 1, interactingMedicines: [], cautions: ['epilepsy'] })
      .expect(200);
    expect(changed.body).toMatchObject({ interactingMedicines: [], cautions: ['epilepsy'], version: 2 });
  });

  it("derives the age band from the birth date on the clinic's today, in its zone", async () => {
    // 2026-11-30 12:00Z is already 2026-12-01 01:00 in Auckland (UTC+13).
    const auckland = await createClinic(ctx, { timeZone: 'Pacific/Auckland' });
    ctx.clock.set('2026-11-30T12:00:00.000Z');
    try {
      const band = async (birthDate: string) => (await createPatient(auckland, { birthDate })).ageBand as string | null;
      expect(await band('2008-12-01')).toBeNull(); // 18 today in Auckland (still 17 in UTC)
      expect(await band('2008-12-02')).toBe('child'); // 18 tomorrow
      expect(await band('1961-12-01')).toBe('age_over_65'); // 65 today in Auckland
      expect(await band('1961-12-02')).toBeNull(); // 64 until tomorrow
    } finally {
      ctx.clock.reset();
    }
  });

  it('answers 400 naming the field to a PATCH with a retired caution, and changes nothing', async () => {
    const patient = await createPatient(clinic, { cautions: ['pregnancy'] });
    const res = await clinic.as.nurse
      .patch(`/api/patients/${patient.id}`)
      .send({ version: 1, cautions: ['age_over_65'], interactingMedicines: ['opioids'] })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['cautions.0']);
    const now = await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
    expect(now.body).toMatchObject({ version: 1, cautions: ['pregnancy'], interactingMedicines: [] });
  });

  it('records a view event each time a chart is opened', async () => {
    const patient = await createPatient(clinic);
    await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
    await clinic.as.admin.get(`/api/patients/${patient.id}`).expect(200);
    const audit = await clinic.as.admin
      .get('/api/audit-events')
      .query({ entityId: patient.id, action: 'patient.view' });
    expect(audit.body.items.map((a: { actorId: string }) => a.actorId)).toEqual([
      clinic.users.admin.id,
      clinic.users.nurse.id,
    ]);
  });

  it.each([
    ['missing fields', {}, ['mrn', 'givenName', 'familyName', 'birthDate', 'sex', 'spasticityOrigin', 'diagnosis']],
    ['wrong types', { ...patientInput(), givenName: 42, riskFactors: 'x' }, ['givenName', 'riskFactors']],
    ['an unknown diagnosis', patientInput({ diagnosis: 'flu' as never }), ['diagnosis']],
    ['a malformed birth date', patientInput({ birthDate: '14/05/1970' }), ['birthDate']],
    ['an unknown field', { ...patientInput(), ssn: '123' }, ['(body)']],
    [
      'a repeated risk factor',
      patientInput({ riskFactors: ['prior_withdrawal', 'prior_withdrawal'] }),
      ['riskFactors'],
    ],
    ['a negative oral back-up dose', patientInput({ oralBaclofenBackupMgPerDay: -5 }), ['oralBaclofenBackupMgPerDay']],
    [
      'an oral back-up over 200 mg/day',
      patientInput({ oralBaclofenBackupMgPerDay: 250 }),
      ['oralBaclofenBackupMgPerDay'],
    ],
    // Age is derived from the birth date now, and CNS depressants are named one by one.
    ['the retired age_over_65 caution', patientInput({ cautions: ['age_over_65' as never] }), ['cautions.0']],
    [
      'the retired cns_depressants caution',
      patientInput({ cautions: ['epilepsy', 'cns_depressants' as never] }),
      ['cautions.1'],
    ],
    ['an unknown medicine', patientInput({ interactingMedicines: ['aspirin' as never] }), ['interactingMedicines.0']],
    ['a repeated medicine', patientInput({ interactingMedicines: ['opioids', 'opioids'] }), ['interactingMedicines']],
    ['a stored age band', { ...patientInput(), ageBand: 'child' }, ['(body)']],
  ])('answers 400 naming the fields for %s and writes nothing', async (_label, body, fields) => {
    const own = await createClinic(ctx);
    const res = await own.as.specialist.post('/api/patients').send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    expect(await countRows(ctx, 'patients', own.id)).toBe(0);
    expect(await countAuditEvents(ctx, own.id)).toBe(0);
  });

  it('answers 409 on a duplicate MRN in the same clinic, allows it in another clinic, and writes nothing', async () => {
    const own = await createClinic(ctx);
    const first = await createPatient(own, { mrn: 'DUP-001' });
    const res = await own.as.specialist
      .post('/api/patients')
      .send(patientInput({ mrn: 'DUP-001' }))
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'mrn', message: 'is already used by another patient' }],
    });
    expect(await countRows(ctx, 'patients', own.id)).toBe(1);
    const other = await createClinic(ctx);
    await createPatient(other, { mrn: 'DUP-001' });
    expect(first.mrn).toBe('DUP-001');
  });

  it('refuses a primary specialist who is not a specialist of this clinic', async () => {
    const res = await clinic.as.specialist
      .post('/api/patients')
      .send(patientInput({ primarySpecialistId: clinic.users.nurse.id }))
      .expect(422);
    expect(fieldsOf(res.body)).toEqual(['primarySpecialistId']);
  });

  it('updates with the current version and answers 409 to a stale one, keeping the first change', async () => {
    const patient = await createPatient(clinic);
    const updated = await clinic.as.nurse
      .patch(`/api/patients/${patient.id}`)
      .send({ version: 1, phone: '+44 20 1234 5678', cautions: ['renal_impairment'] })
      .expect(200);
    expect(updated.body).toMatchObject({
      version: 2,
      phone: '+44 20 1234 5678',
      cautions: ['renal_impairment'],
      givenName: 'Ada',
    });
    const stale = await clinic.as.specialist
      .patch(`/api/patients/${patient.id}`)
      .send({ version: 1, phone: '0' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
    expect(now.body.phone).toBe('+44 20 1234 5678');
    const audit = await clinic.as.admin
      .get('/api/audit-events')
      .query({ entityId: patient.id, action: 'patient.update' });
    expect(audit.body.items[0]).toMatchObject({
      before: { phone: null, cautions: [] },
      after: { phone: '+44 20 1234 5678' },
    });
  });

  it('finds patients by family name, given name and MRN prefix, case-insensitively', async () => {
    const own = await createClinic(ctx);
    await createPatient(own, { givenName: 'Maria', familyName: 'Okafor', mrn: 'AB-100' });
    await createPatient(own, { givenName: 'Oscar', familyName: 'Marsh', mrn: 'AB-200' });
    await createPatient(own, { givenName: 'Zoe', familyName: 'Young', mrn: 'CD-300' });
    const names = async (q: string) =>
      (await own.as.nurse.get('/api/patients').query({ q })).body.items.map(
        (p: { familyName: string }) => p.familyName,
      );
    expect(await names('mar')).toEqual(['Marsh', 'Okafor']);
    expect(await names('ab-')).toEqual(['Marsh', 'Okafor']);
    expect(await names('okafor maria')).toEqual(['Okafor']);
    expect(await names('%')).toEqual([]);
  });

  it('pages with a keyset cursor without skipping or repeating a patient', async () => {
    const own = await createClinic(ctx);
    for (let i = 0; i < 7; i++)
      await createPatient(own, { familyName: i % 2 ? 'Same' : `Name${i}`, givenName: `G${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await own.as.nurse
        .get('/api/patients')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const bad = await own.as.nurse.get('/api/patients').query({ cursor: 'garbage' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['cursor']);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    await clinic.as.nurse.get('/api/patients/00000000-0000-4000-8000-000000000000').expect(404);
    const res = await clinic.as.nurse.get('/api/patients/not-an-id').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('keeps the audit log append-only at the database level, even for its owner (trigger)', async () => {
    // The API's role has no UPDATE or DELETE at all (database-roles.int-spec.ts); the trigger stops the owner too.
    const owner = new pg.Client({ connectionString: runDatabaseUrl() });
    await owner.connect();
    try {
      await owner.query(`SET ROLE itb_owner`);
      await expect(
        owner.query(`UPDATE audit_events SET action = 'x' WHERE clinic_id = $1`, [clinic.id]),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_events WHERE clinic_id = $1`, [clinic.id])).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await owner.end();
    }
  });
});
