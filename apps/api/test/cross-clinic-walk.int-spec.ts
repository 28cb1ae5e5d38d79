import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PumpResponse } from '@itb/contracts';
import { CONTROLLERS } from '../src/app.module.js';
import { buildOpenApiDocument } from '../src/openapi/openapi-document.js';
import { createClinic, createPatient, implantInput, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const NOW = '2026-04-20T10:00:00.000Z';
const FILL_AT = '2026-04-01T09:00:00.000Z';
const before = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();

/** Every table a clinic's writes touch (sessions and sign-in throttling aside). */
const CLINIC_TABLES = [
  'patients',
  'pumps',
  'fills',
  'dose_adjustments',
  'pump_events',
  'flags',
  'appointments',
  'users',
  'audit_events',
  'idempotency_keys',
  'messages',
  'staff_tasks',
  'api_tokens',
];

/**
 * Tenancy walked over the router: every operation of the API document whose path takes an id, called
 * by a user of another clinic with the first clinic's id, answers 404 (never 403, never the record),
 * and so does every write naming another clinic's id in its body; neither clinic gains or changes a row.
 */
describe("another clinic's ids", () => {
  let ctx: TestContext;
  let owner: TestClinic;
  let other: TestClinic;
  const ids = {} as Record<
    'patient' | 'pump' | 'fill' | 'flag' | 'appointment' | 'user' | 'message' | 'task' | 'apiToken',
    string
  >;
  let ownPump: PumpResponse;
  let ownAppointment: { id: string; version: number };

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.set(NOW);
    owner = await createClinic(ctx);
    other = await createClinic(ctx);
    const patient = await createPatient(owner);
    const pump = await implantPump(owner, patient.id, FILL_AT);
    await owner.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'mri', occurredAt: before(1) })
      .expect(201);
    const flag = await owner.as.nurse
      .post(`/api/patients/${patient.id}/flags`)
      .send({ signs: ['fever'], note: 'x' })
      .expect(201);
    const appointment = await owner.as.nurse
      .post('/api/appointments')
      .send({ patientId: patient.id, type: 'refill', startsAt: '2026-04-22T09:00:00.000Z' })
      .expect(201);
    // An outbox letter and a nurse task of the owner's, as the reminder planner writes them.
    const [message] = (await ctx.dataSource.query(
      `INSERT INTO messages (clinic_id, kind, channel, patient_id, recipient, subject, body, reason, dedupe_key,
                             status, created_at)
       VALUES ($1, 'overdue_call_us', 'letter', $2, 'Ada Lovelace', 'Please call', 'Dear Ada', 'probe', $3, 'printed', now())
       RETURNING id`,
      [owner.id, patient.id, `probe:${patient.id}`],
    )) as [{ id: string }];
    const [task] = (await ctx.dataSource.query(
      `INSERT INTO staff_tasks (clinic_id, patient_id, pump_id, kind, details, dedupe_key, created_at)
       VALUES ($1, $2, $3, 'call_overdue_unbooked', 'probe', $4, now()) RETURNING id`,
      [owner.id, patient.id, pump.id, `probe:${pump.id}`],
    )) as [{ id: string }];
    const apiToken = await owner.as.admin.post('/api/api-tokens').send({ name: 'Owner export' }).expect(201);
    Object.assign(ids, {
      message: message.id,
      task: task.id,
      apiToken: apiToken.body.token.id,
      patient: patient.id,
      pump: pump.id,
      fill: pump.currentFill!.id,
      flag: flag.body.id,
      appointment: appointment.body.id,
      user: owner.users.nurse.id,
    });
    // The other clinic's own records, for writes that name the owner's ids in their bodies.
    const ownPatient = await createPatient(other);
    ownPump = await implantPump(other, ownPatient.id, FILL_AT);
    const own = await other.as.nurse
      .post('/api/appointments')
      .send({ patientId: ownPatient.id, type: 'refill', startsAt: '2026-04-23T09:00:00.000Z' })
      .expect(201);
    ownAppointment = { id: own.body.id, version: own.body.version };
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  /** Every row of a clinic in the tables above, as JSON: any insert or update changes it. */
  const snapshot = async (clinicId: string) => {
    const rows: Record<string, unknown> = {};
    for (const table of CLINIC_TABLES) {
      const [row] = (await ctx.dataSource.query(
        `SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM ${table} t
          WHERE clinic_id = $1 ${table === 'audit_events' ? `AND action NOT LIKE 'auth.%'` : ''}`,
        [clinicId],
      )) as [{ rows: unknown }];
      rows[table] = row.rows;
    }
    return rows;
  };

  /** A valid body for each write that takes an id, so only the clinic check can refuse it. */
  const bodies = async (): Promise<Record<string, object>> => {
    const pumpVersion = await pumpVersionOf(ctx, ids.pump);
    const fill = {
      performedAt: before(0.1),
      residualWithdrawnMl: 16,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'LOT-X',
      lotExpiresOn: '2030-01-01',
    };
    const dose = {
      effectiveAt: before(0.1),
      newDailyDoseMcg: 420,
      reason: 'titration_up',
      orderedById: other.users.specialist.id,
    };
    return {
      resetUser: { version: 1 },
      updateUser: { version: 1, name: 'Renamed' },
      updatePatient: { version: 1, givenName: 'Renamed' },
      implantPump: implantInput(before(0.1)),
      updatePump: { version: pumpVersion, alarmMl: 3, reason: 'Interrogated' },
      explantPump: { version: pumpVersion, explantedOn: NOW.slice(0, 10), reason: 'Infection' },
      replacePump: {
        version: pumpVersion,
        explantedOn: NOW.slice(0, 10),
        reason: 'Infection',
        newPump: implantInput(before(0.1)),
      },
      recordFill: { ...fill, pumpVersion },
      previewFill: fill,
      recordDoseAdjustment: { ...dose, pumpVersion },
      previewDoseAdjustment: dose,
      recordPumpEvent: { pumpVersion, type: 'interrogation', occurredAt: before(0.1) },
      raiseFlag: { signs: ['fever'], note: 'x' },
      acknowledgeFlag: { note: 'seen' },
      resolveFlag: { note: 'done' },
      updateAppointment: { version: 1, status: 'cancelled', reason: 'Cross-clinic probe' },
      resendMessage: {},
      completeTask: { note: 'Called' },
      revokeApiToken: { reason: 'Cross-clinic probe' },
    };
  };

  /** Which of the owner's ids a path's `{id}` names, from the path itself. */
  const idFor = (path: string): string => {
    if (path.startsWith('/users/')) return ids.user;
    if (path.startsWith('/patients/')) return ids.patient;
    if (path.startsWith('/pumps/')) return ids.pump;
    if (path.startsWith('/fills/')) return ids.fill;
    if (path.startsWith('/flags/')) return ids.flag;
    if (path.startsWith('/appointments/')) return ids.appointment;
    if (path.startsWith('/messages/')) return ids.message;
    if (path.startsWith('/tasks/')) return ids.task;
    if (path.startsWith('/api-tokens/')) return ids.apiToken;
    // The FHIR API: each type's id is one of our records' (an Observation is a fill's volume).
    const fhir = /^\/fhir\/R4\/([A-Za-z]+)\//.exec(path)?.[1];
    const fhirIds: Record<string, string> = {
      Patient: ids.patient,
      Device: ids.pump,
      MedicationRequest: ids.pump,
      Procedure: ids.fill,
      Observation: `${ids.fill}-volume-added`,
      Flag: ids.flag,
      Appointment: ids.appointment,
    };
    if (fhir && fhirIds[fhir]) return fhirIds[fhir];
    throw new Error(`no id of the owner clinic for ${path}: add one to this walk`);
  };

  it('answers 404 on every route that takes an id, for every method, and writes nothing', async () => {
    const document = buildOpenApiDocument(CONTROLLERS);
    const writeBodies = await bodies();
    const ownerBefore = await snapshot(owner.id);
    const otherBefore = await snapshot(other.id);
    const walked: string[] = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (!path.includes('{id}')) continue;
      for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
        const operation = item[method];
        if (!operation) continue;
        const operationId = operation.operationId!;
        const url = `/api${path.replace('{id}', idFor(path))}`;
        // An admin for the user, outbox and token routes (only admins reach them), a specialist for everything else.
        const agent =
          path.startsWith('/users/') || path.startsWith('/messages/') || path.startsWith('/api-tokens/')
            ? other.as.admin
            : other.as.specialist;
        const call = agent[method](url);
        if (method !== 'get') {
          const body = writeBodies[operationId];
          if (!body) throw new Error(`no body for ${operationId}: add one to this walk`);
          call.send(body);
        }
        const res = await call;
        // The FHIR API answers an OperationOutcome naming our code.
        const code = (res.body?.code ?? res.body?.issue?.[0]?.details?.coding?.[0]?.code) as string | undefined;
        expect({ operationId, status: res.status, code }).toEqual({
          operationId,
          status: 404,
          code: 'NOT_FOUND',
        });
        walked.push(operationId);
      }
    }
    // The walk reached every kind of record (a path the document lost would shrink this list).
    expect(walked.length).toBeGreaterThanOrEqual(26);
    expect(walked).toEqual(
      expect.arrayContaining([
        'getFlag',
        'resolveFlag',
        'explantPump',
        'resetUser',
        'getFillWorksheetPdf',
        'resendMessage',
        'completeTask',
        'revokeApiToken',
        'readFhirPatient',
        'fhirPatientEverything',
        'readFhirObservation',
      ]),
    );
    expect(await snapshot(owner.id)).toEqual(ownerBefore);
    expect(await snapshot(other.id)).toEqual(otherBefore);
  });

  it("refuses writes naming another clinic's patient, clinician or orderer in the body, writing nothing", async () => {
    const ownerBefore = await snapshot(owner.id);
    const otherBefore = await snapshot(other.id);
    const ownPatientId = ownPump.patientId;
    const refusals = [
      await other.as.nurse
        .post('/api/appointments')
        .send({ patientId: ids.patient, type: 'refill', startsAt: '2026-04-24T09:00:00.000Z' }),
      await other.as.nurse.post('/api/appointments').send({
        patientId: ownPatientId,
        type: 'refill',
        startsAt: '2026-04-24T09:00:00.000Z',
        clinicianId: owner.users.specialist.id,
      }),
      await other.as.nurse
        .patch(`/api/appointments/${ownAppointment.id}`)
        .send({ version: ownAppointment.version, clinicianId: owner.users.specialist.id }),
      await other.as.specialist.post(`/api/pumps/${ownPump.id}/dose-adjustments`).send({
        effectiveAt: before(0.1),
        newDailyDoseMcg: 420,
        reason: 'titration_up',
        orderedById: owner.users.specialist.id,
        pumpVersion: await pumpVersionOf(ctx, ownPump.id),
      }),
    ];
    for (const res of refusals) {
      expect([404, 422]).toContain(res.status);
    }
    // The lists filtered by another clinic's ids answer nothing of it.
    for (const url of [
      `/api/flags?patientId=${ids.patient}`,
      `/api/appointments?patientId=${ids.patient}`,
      `/api/refill-queue?clinicianId=${owner.users.specialist.id}`,
    ]) {
      expect((await other.as.specialist.get(url).expect(200)).body.items).toEqual([]);
    }
    for (const entityId of Object.values(ids)) {
      expect((await other.as.admin.get(`/api/audit-events?entityId=${entityId}`).expect(200)).body.items).toEqual([]);
    }
    expect(await snapshot(owner.id)).toEqual(ownerBefore);
    expect(await snapshot(other.id)).toEqual(otherBefore);
  });
});
