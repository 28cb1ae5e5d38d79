import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PatientResponse, PumpResponse } from '@itb/contracts';
import type { Bundle, Medication, MedicationRequest, Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { fhirErrorsOf } from './fhir-validation.js';
import { sentStatements } from './sent-statements.js';
import { createTestApp, type TestContext } from './test-app.js';

const NOW = '2026-04-20T10:00:00.000Z';
const IMPLANT_AT = '2026-03-01T09:00:00.000Z';
const REFILL_AT = '2026-03-31T09:00:00.000Z';
const DOSE_CHANGE_AT = '2026-04-10T09:00:00.000Z';
const BASE = '/api/fhir/R4';

/** The path and query of an absolute link, to follow it through supertest. */
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
const entriesOf = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource as Resource);

/**
 * The read-only FHIR R4 API (issue 13 part 3) through a session: every resource type it answers is a
 * valid R4 resource (@medplum/core's validator over the R4 definitions), carries the values our records
 * hold, stays in its clinic, and a search pages through every row once.
 */
describe('FHIR R4 API', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let other: TestClinic;
  let patient: PatientResponse;
  let pump: PumpResponse;
  let refillId: string;
  let otherPatient: PatientResponse;
  let otherPumpId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.set(NOW);
    clinic = await createClinic(ctx);
    other = await createClinic(ctx);
    patient = await createPatient(clinic, { phone: '+44 20 7946 0000' } as never);
    pump = await implantPump(clinic, patient.id, IMPLANT_AT);
    // 30 days at 400 mcg/day of 2000 mcg/mL = 0.2 mL/day → 20 − 30 × 0.2 = 14 mL expected and found.
    const refill = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        performedAt: REFILL_AT,
        residualWithdrawnMl: 14,
        volumeAddedMl: 19,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-R1',
        lotExpiresOn: '2030-01-01',
      })
      .expect(201);
    refillId = refill.body.id as string;
    // +10 %: within the spinal limit of 30 %.
    await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        effectiveAt: DOSE_CHANGE_AT,
        newDailyDoseMcg: 440,
        reason: 'titration_up',
        orderedById: clinic.users.specialist.id,
      })
      .expect(201);
    await clinic.as.nurse
      .post(`/api/patients/${patient.id}/flags`)
      .send({ signs: ['fever'], note: 'Febrile on the phone' })
      .expect(201);
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: patient.id, type: 'refill', startsAt: '2026-04-22T09:00:00.000Z' })
      .expect(201);
    otherPatient = await createPatient(other);
    otherPumpId = (await implantPump(other, otherPatient.id, IMPLANT_AT)).id;
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  const expectValid = async (resources: Resource[]) => {
    const errors = (await Promise.all(resources.map((r) => fhirErrorsOf(r)))).flat();
    expect(errors).toEqual([]);
  };

  it('has a validator that does refuse an invalid resource (so the checks below can fail)', async () => {
    // Structure, cardinality, formats and invariants; value-set bindings (a gender of "robot") it does not check.
    expect(await fhirErrorsOf({ resourceType: 'Patient', nickname: 'x' } as unknown as Resource)).not.toEqual([]);
    expect(await fhirErrorsOf({ resourceType: 'Patient', birthDate: '1970-13-45' } as unknown as Resource)).not.toEqual(
      [],
    );
    expect(await fhirErrorsOf({ resourceType: 'Observation', status: 'final' } as unknown as Resource)).not.toEqual([]);
    expect(await fhirErrorsOf({ resourceType: 'Appointment', participant: [] } as unknown as Resource)).not.toEqual([]);
  });

  it('answers its CapabilityStatement as valid R4 in application/fhir+json', async () => {
    const res = await clinic.as.admin.get(`${BASE}/metadata`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    const types = (res.body.rest[0].resource as { type: string }[]).map((r) => r.type);
    expect(types).toEqual([
      'Patient',
      'Device',
      'MedicationRequest',
      'Procedure',
      'Observation',
      'Flag',
      'Appointment',
    ]);
    await expectValid([res.body as Resource]);
  });

  it('answers every resource type, by search and by read, as valid R4 with the values recorded', async () => {
    const searched: Record<string, Resource[]> = {};
    for (const type of ['Device', 'MedicationRequest', 'Procedure', 'Observation', 'Flag', 'Appointment']) {
      const res = await clinic.as.specialist
        .get(`${BASE}/${type}`)
        .query({ patient: `Patient/${patient.id}` })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
      await expectValid([res.body as Bundle]);
      searched[type] = entriesOf(res.body as Bundle);
      for (const resource of searched[type]) {
        const read = await clinic.as.nurse.get(`${BASE}/${type}/${resource.id}`).expect(200);
        expect(read.body).toEqual(resource);
      }
    }
    const patientRead = await clinic.as.nurse.get(`${BASE}/Patient/${patient.id}`).expect(200);
    await expectValid([patientRead.body as Resource]);
    expect(patientRead.body).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ value: patient.mrn }],
      name: [{ family: 'Lovelace', given: ['Ada'] }],
      birthDate: '1970-05-14',
      gender: 'female',
      active: true,
    });

    expect(searched.Device).toEqual([
      expect.objectContaining({
        id: pump.id,
        status: 'active',
        serialNumber: pump.serialNumber,
        deviceName: [{ name: 'SynchroMed II 20 mL', type: 'model-name' }],
        extension: [expect.objectContaining({ valueDate: '2026-03-01' })],
        patient: { reference: `Patient/${patient.id}` },
      }),
    ]);
    // The dose programmed now (440 after the change) and the concentration of the refill (2000 mcg/mL).
    const [regimen] = searched.MedicationRequest as [MedicationRequest];
    expect(regimen).toMatchObject({
      status: 'active',
      intent: 'order',
      authoredOn: DOSE_CHANGE_AT,
      subject: { reference: `Patient/${patient.id}` },
    });
    expect(regimen.dosageInstruction?.[0]?.doseAndRate?.[0]?.rateQuantity).toEqual({
      value: 440,
      unit: 'ug/d',
      system: 'http://unitsofmeasure.org',
      code: 'ug/d',
    });
    expect(regimen.dosageInstruction?.[0]?.route?.coding?.[0]).toMatchObject({
      system: 'http://snomed.info/sct',
      code: '72607000',
    });
    expect((regimen.contained?.[0] as Medication).ingredient?.[0]?.strength?.numerator?.value).toBe(2000);

    // The implant's first fill and the refill, oldest first.
    expect(
      (searched.Procedure ?? []).map((p) => [p.id, (p as { performedDateTime: string }).performedDateTime]),
    ).toEqual([
      [pump.currentFill!.id, IMPLANT_AT],
      [refillId, REFILL_AT],
    ]);
    // The first fill: added 20 and after 20, no residual; the refill: 14 found, 14 expected, 19 added, 19 after.
    const volumes = (searched.Observation ?? []).map((o) => [
      o.id,
      (o as { valueQuantity: { value: number } }).valueQuantity.value,
    ]);
    expect(volumes).toEqual([
      [`${pump.currentFill!.id}-volume-added`, 20],
      [`${pump.currentFill!.id}-reservoir-volume`, 20],
      [`${refillId}-residual`, 14],
      [`${refillId}-expected-residual`, 14],
      [`${refillId}-volume-added`, 19],
      [`${refillId}-reservoir-volume`, 19],
    ]);
    expect(searched.Observation?.[2]).toMatchObject({ partOf: [{ reference: `Procedure/${refillId}` }] });
    expect(searched.Flag).toEqual([
      expect.objectContaining({
        status: 'active',
        code: expect.objectContaining({ coding: [expect.objectContaining({ code: 'manual' })] }),
      }),
    ]);
    expect(searched.Appointment).toEqual([
      expect.objectContaining({
        status: 'booked',
        start: '2026-04-22T09:00:00.000Z',
        end: '2026-04-22T09:30:00.000Z',
        minutesDuration: 30,
      }),
    ]);
  });

  it('answers Patient/$everything: the patient and every record of theirs, valid R4, recorded as a chart read', async () => {
    const res = await clinic.as.admin.get(`${BASE}/Patient/${patient.id}/$everything`).expect(200);
    const bundle = res.body as Bundle;
    await expectValid([bundle]);
    const counts: Record<string, number> = {};
    for (const r of entriesOf(bundle)) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    // 1 patient, 1 pump, 1 regimen, 2 fills with 2 + 4 volumes, 1 flag, 1 appointment.
    expect(counts).toEqual({
      Patient: 1,
      Device: 1,
      MedicationRequest: 1,
      Procedure: 2,
      Observation: 6,
      Flag: 1,
      Appointment: 1,
    });
    expect(entriesOf(bundle)[0]).toMatchObject({ resourceType: 'Patient', id: patient.id });
    const [audit] = (await ctx.dataSource.query(
      `SELECT actor_id, after FROM audit_events WHERE clinic_id = $1 AND action = 'fhir.patient_everything'`,
      [clinic.id],
    )) as [{ actor_id: string; after: object }];
    expect(audit).toEqual({ actor_id: clinic.users.admin.id, after: { via: 'session' } });
  });

  it('finds a patient by MRN (with or without the system) and by _id, and never by another system', async () => {
    const bySystem = await clinic.as.nurse.get(`${BASE}/Patient/${patient.id}`).expect(200);
    const system = bySystem.body.identifier[0].system as string;
    for (const identifier of [patient.mrn, `${system}|${patient.mrn}`]) {
      const res = await clinic.as.nurse.get(`${BASE}/Patient`).query({ identifier }).expect(200);
      expect(entriesOf(res.body as Bundle).map((r) => r.id)).toEqual([patient.id]);
    }
    const wrongSystem = await clinic.as.nurse
      .get(`${BASE}/Patient`)
      .query({ identifier: `urn:other|${patient.mrn}` })
      .expect(200);
    expect(entriesOf(wrongSystem.body as Bundle)).toEqual([]);
    const byId = await clinic.as.nurse
      .get(`${BASE}/Patient`)
      .query({ _id: `${patient.id},not-an-id` })
      .expect(200);
    expect(entriesOf(byId.body as Bundle).map((r) => r.id)).toEqual([patient.id]);
  });

  it('filters by status and by date (clinic clock, prefixes)', async () => {
    const status = async (type: string, value: string) =>
      entriesOf(
        (await clinic.as.nurse.get(`${BASE}/${type}`).query({ patient: patient.id, status: value }).expect(200))
          .body as Bundle,
      ).length;
    expect(await status('Device', 'active')).toBe(1);
    expect(await status('Device', 'inactive')).toBe(0);
    expect(await status('Flag', 'inactive')).toBe(0);
    expect(await status('Appointment', 'booked,arrived')).toBe(1);
    expect(await status('Appointment', 'cancelled')).toBe(0);
    const procedures = async (...date: string[]) =>
      entriesOf(
        (await clinic.as.nurse.get(`${BASE}/Procedure`).query({ patient: patient.id, date }).expect(200))
          .body as Bundle,
      ).map((r) => r.id);
    // London is on BST (+01:00) on 31 March: the refill at 09:00Z is at 10:00 on the clinic clock.
    expect(await procedures('2026-03-31')).toEqual([refillId]);
    expect(await procedures('ge2026-03-02', 'lt2026-04')).toEqual([refillId]);
    expect(await procedures('lt2026-03-31T10:00')).toEqual([pump.currentFill!.id]);
    expect(await procedures('ge2026-03-31T10:00')).toEqual([refillId]);
    expect(await procedures('2025')).toEqual([]);
  });

  it('answers a bad search parameter with a 400 OperationOutcome naming it, and an unknown type with a 404', async () => {
    const bad = await clinic.as.nurse.get(`${BASE}/Appointment`).query({ status: 'pending' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(bad.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [
        expect.objectContaining({ severity: 'error', code: 'invalid', expression: [expect.stringMatching(/^status/)] }),
      ],
    });
    await expectValid([bad.body as Resource]);
    const unknown = await clinic.as.nurse.get(`${BASE}/Appointment`).query({ name: 'x' }).expect(400);
    expect(unknown.body.issue[0].diagnostics).toMatch(/name/);
    const date = await clinic.as.nurse.get(`${BASE}/Procedure`).query({ date: 'sa2026' }).expect(400);
    expect(date.body.issue[0].expression).toEqual(['date']);
    const cursor = await clinic.as.nurse.get(`${BASE}/Procedure`).query({ _cursor: 'forged.cursor' }).expect(400);
    expect(cursor.body.issue[0].expression).toEqual(['cursor']);
    const type = await clinic.as.nurse.get(`${BASE}/Encounter`).expect(404);
    expect(type.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [expect.objectContaining({ code: 'not-found' })],
    });
    const anonymous = await request(ctx.server).get(`${BASE}/Patient`).expect(401);
    expect(anonymous.body.issue[0].code).toBe('login');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it("answers 404 for another clinic's ids and finds none of its records by patient or MRN", async () => {
    const theirs: [string, string][] = [
      ['Patient', otherPatient.id],
      ['Device', otherPumpId],
      ['MedicationRequest', otherPumpId],
      ['Patient', `${otherPatient.id}/$everything`],
    ];
    for (const [type, id] of theirs) {
      const res = await clinic.as.specialist.get(`${BASE}/${type}/${id}`).expect(404);
      expect(res.body).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [expect.objectContaining({ code: 'not-found' })],
      });
    }
    for (const type of ['Device', 'MedicationRequest', 'Procedure', 'Observation', 'Flag', 'Appointment']) {
      const res = await clinic.as.specialist.get(`${BASE}/${type}`).query({ patient: otherPatient.id }).expect(200);
      expect({ type, entries: entriesOf(res.body as Bundle) }).toEqual({ type, entries: [] });
    }
    const byMrn = await clinic.as.specialist.get(`${BASE}/Patient`).query({ identifier: otherPatient.mrn }).expect(200);
    expect(entriesOf(byMrn.body as Bundle)).toEqual([]);
    // The other clinic sees its own patient only.
    const all = await other.as.nurse.get(`${BASE}/Patient`).expect(200);
    expect(entriesOf(all.body as Bundle).map((r) => r.id)).toEqual([otherPatient.id]);
  });

  it('pages through 250 appointments by next links without losing or repeating one', async () => {
    const paged = await createClinic(ctx);
    const someone = await createPatient(paged);
    // Pairs share a start instant, so the order's tie-break (the id) is exercised at page edges.
    await ctx.dataSource.query(
      `INSERT INTO appointments (clinic_id, patient_id, type, starts_at, starts_on, status, created_by)
       SELECT $1, $2, 'dose_review', t, (t AT TIME ZONE 'Europe/London')::date,
              (ARRAY['cancelled', 'noshow', 'fulfilled'])[1 + i % 3], $3
       FROM generate_series(0, 249) i, LATERAL (SELECT $4::timestamptz + (i / 2) * interval '1 hour') s(t)`,
      [paged.id, someone.id, paged.users.nurse.id, '2025-01-06T09:00:00Z'],
    );
    const expected = (
      (await ctx.dataSource.query(`SELECT id FROM appointments WHERE clinic_id = $1`, [paged.id])) as { id: string }[]
    ).map((r) => r.id);
    const seen: string[] = [];
    let next: string | undefined = `${BASE}/Appointment?_count=40`;
    let pages = 0;
    while (next) {
      const res = await paged.as.specialist.get(next).expect(200);
      const bundle = res.body as Bundle;
      seen.push(...entriesOf(bundle).map((r) => r.id as string));
      const link = bundle.link?.find((l) => l.relation === 'next')?.url;
      next = link ? pathOf(link) : undefined;
      pages++;
    }
    // 250 = 6 × 40 + 10: seven pages.
    expect(pages).toBe(7);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect([...seen].sort()).toEqual([...expected].sort());
    // In the search's order: by start, then id.
    const ordered = (
      (await ctx.dataSource.query(`SELECT id FROM appointments WHERE clinic_id = $1 ORDER BY starts_at, id`, [
        paged.id,
      ])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(seen).toEqual(ordered);
  });

  it('reads a page in a fixed number of statements, whatever its size (no query per row)', async () => {
    // A second patient with a pump, so that every type but Flag and Appointment has several rows.
    const second = await createPatient(clinic);
    await implantPump(clinic, second.id, IMPLANT_AT);
    const statements = async (path: string) => {
      let entries = 0;
      const sent = await sentStatements(async () => {
        const res = await clinic.as.nurse.get(path).expect(200);
        entries = entriesOf(res.body as Bundle).length;
      });
      return { count: sent.length, entries };
    };
    for (const type of ['Patient', 'Device', 'MedicationRequest', 'Procedure', 'Observation', 'Flag', 'Appointment']) {
      const one = await statements(`${BASE}/${type}?_count=1`);
      const many = await statements(`${BASE}/${type}?_count=200`);
      if (type !== 'Flag' && type !== 'Appointment') expect(many.entries).toBeGreaterThan(1);
      // The session check and the page itself, for one row as for all of them.
      expect({ type, one: one.count, many: many.count }).toEqual({ type, one: 2, many: 2 });
    }
    // $everything: the session check, the patient, one statement for each of the five other types, and
    // its audit row.
    const everything = await statements(`${BASE}/Patient/${patient.id}/$everything`);
    expect(everything.count).toBe(8);
  });

  it('refuses a cursor given to another search', async () => {
    const first = await clinic.as.nurse
      .get(`${BASE}/Observation`)
      .query({ patient: patient.id, _count: 2 })
      .expect(200);
    const next = (first.body as Bundle).link?.find((l) => l.relation === 'next')?.url as string;
    const cursor = new URL(next).searchParams.get('_cursor') as string;
    const res = await clinic.as.nurse.get(`${BASE}/Observation`).query({ _count: 2, _cursor: cursor }).expect(400);
    expect(res.body.issue[0].expression).toEqual(['cursor']);
  });
});
