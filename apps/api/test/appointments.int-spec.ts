import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AppointmentResponse, FlagResponse, PumpResponse } from '@itb/contracts';
import {
  countAuditEvents,
  createClinic,
  createPatient,
  implantPump,
  type TestClinic,
  pumpVersionOf,
} from './factories.js';
import { keptCountsDrift } from './kept-counts-drift.js';
import { createTestApp, type TestContext } from './test-app.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW = '2026-06-10T08:00:00.000Z'; // Wednesday 09:00 BST
const after = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe('appointments', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pump: PumpResponse;

  const openCodes = async () =>
    ((await clinic.as.nurse.get(`/api/flags?patientId=${patientId}`).expect(200)).body.items as FlagResponse[])
      .map((f) => f.code)
      .sort();
  const book = (startsAt: string, extra: object = {}) =>
    clinic.as.nurse.post('/api/appointments').send({ patientId, type: 'refill', startsAt, ...extra });

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  beforeEach(async () => {
    clinic = await createClinic(ctx);
    ctx.clock.set(NOW);
    const patient = await createPatient(clinic);
    patientId = patient.id;
    // Worked example filled 80 days ago: alarm in 10 days (2026-06-20 08:00Z), refill-by 2026-06-15.
    pump = await implantPump(clinic, patientId, after(-80 * DAY_MS));
  });

  it('clears REFILL_DUE_UNSCHEDULED when a refill is booked before the alarm, and raises APPOINTMENT_AFTER_ALARM when it moves past it', async () => {
    expect(await openCodes()).toEqual(['REFILL_DUE_UNSCHEDULED']);
    const booked = await book(after(5 * DAY_MS + 2 * HOUR_MS)).expect(201); // Monday 15 June, 11:00 BST
    expect(booked.body).toMatchObject({ status: 'booked', startsOn: '2026-06-15', pumpId: pump.id, warnings: [] });
    expect(await openCodes()).toEqual([]);
    const cleared = (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&status=resolved`).expect(200)).body
      .items[0] as FlagResponse;
    expect(cleared.resolved).toMatchObject({ resolution: 'auto', note: 'Refill appointment booked' });

    const moved = await clinic.as.nurse
      .patch(`/api/appointments/${booked.body.id}`)
      .send({ version: booked.body.version, startsAt: after(12 * DAY_MS) }) // Monday 22 June, after the alarm
      .expect(200);
    expect(moved.body.startsOn).toBe('2026-06-22');
    // One scheduling flag per pump: booked after the alarm is the one fact, not also "due, not booked".
    expect(await openCodes()).toEqual(['APPOINTMENT_AFTER_ALARM']);
    const [audit] = (await ctx.dataSource.query(
      `SELECT before->>'startsAt' AS before, after->>'startsAt' AS after FROM audit_events
       WHERE entity_id = $1 AND action = 'appointment.update'`,
      [booked.body.id],
    )) as [{ before: string; after: string }];
    expect([audit.before, audit.after].map((t) => Date.parse(t))).toEqual([
      Date.parse(after(5 * DAY_MS + 2 * HOUR_MS)),
      Date.parse(after(12 * DAY_MS)),
    ]);
  });

  it('raises MISSED_REFILL_APPOINTMENT on a no-show, and only once it has started', async () => {
    const booked = (await book(after(2 * HOUR_MS)).expect(201)).body as AppointmentResponse;
    const early = await clinic.as.nurse
      .patch(`/api/appointments/${booked.id}`)
      .send({ version: booked.version, status: 'noshow' })
      .expect(422);
    expect(early.body.details[0].field).toBe('status');
    ctx.clock.set(after(3 * HOUR_MS));
    await clinic.as.nurse
      .patch(`/api/appointments/${booked.id}`)
      .send({ version: booked.version, status: 'noshow' })
      .expect(200);
    expect(await openCodes()).toEqual(['MISSED_REFILL_APPOINTMENT']);
  });

  it('counts a booked refill that passed unattended as missed, with nobody marking it', async () => {
    const booked = (await book(after(2 * HOUR_MS)).expect(201)).body as AppointmentResponse;
    expect(await openCodes()).toEqual([]);
    // 4 h after its start the booking is missed by itself; the next evaluation (any write) says so.
    ctx.clock.set(after(6 * HOUR_MS + 1));
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'interrogation', occurredAt: after(6 * HOUR_MS) })
      .expect(201);
    expect(await openCodes()).toEqual(['MISSED_REFILL_APPOINTMENT']);
    const appointment = (await clinic.as.nurse.get(`/api/appointments?patientId=${patientId}`).expect(200)).body
      .items as AppointmentResponse[];
    expect(appointment.find((a) => a.id === booked.id)?.status).toBe('booked');
    // Nor does the queue show it as the next appointment: the pump needs booking again.
    const queue = (await clinic.as.specialist.get('/api/refill-queue').expect(200)).body.items as {
      pumpId: string;
      nextAppointment: unknown;
      worstFlag: { code: string } | null;
    }[];
    expect(queue.find((r) => r.pumpId === pump.id)).toMatchObject({
      nextAppointment: null,
      worstFlag: { code: 'MISSED_REFILL_APPOINTMENT' },
    });
  });

  it('fulfils the arrived refill appointment of the day with the fill', async () => {
    const booked = (await book(after(2 * HOUR_MS)).expect(201)).body as AppointmentResponse;
    ctx.clock.set(after(2 * HOUR_MS + 5 * 60_000));
    const arrived = await clinic.as.nurse
      .patch(`/api/appointments/${booked.id}`)
      .send({ version: booked.version, status: 'arrived' })
      .expect(200);
    expect(arrived.body.status).toBe('arrived');
    ctx.clock.set(after(3 * HOUR_MS));
    const fill = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        performedAt: after(2 * HOUR_MS + 30 * 60_000),
        residualWithdrawnMl: 4,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-A',
        lotExpiresOn: '2028-01-01',
      })
      .expect(201);
    const list = await clinic.as.specialist.get(`/api/appointments?patientId=${patientId}`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: booked.id, status: 'fulfilled', fillId: fill.body.id, version: 3 }),
    ]);
    // Fulfilled is final.
    await clinic.as.nurse
      .patch(`/api/appointments/${booked.id}`)
      .send({ version: 3, status: 'cancelled', reason: 'Booked twice' })
      .expect(422)
      .expect((r) => expect(r.body.message).toMatch(/fulfilled is final/));
  });

  it('warns of a weekend, refuses the past, a double booking, a stale version and a bad transition', async () => {
    const saturday = await book(after(3 * DAY_MS + 2 * HOUR_MS)).expect(201); // Saturday 13 June
    expect(saturday.body.warnings).toEqual(['13 Jun 2026 is not a clinic day']);
    const before = await countAuditEvents(ctx, clinic.id);
    await book(after(-HOUR_MS))
      .expect(400)
      .expect((r) => expect(r.body.details[0]).toEqual({ field: 'startsAt', message: 'must be in the future' }));
    await book(after(3 * DAY_MS + 5 * HOUR_MS))
      .expect(409)
      .expect((r) => expect(r.body.details[0].field).toBe('startsAt'));
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId, type: 'checkup', startsAt: after(DAY_MS), durationMinutes: 0 })
      .expect(400)
      .expect((r) =>
        expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['durationMinutes', 'type']),
      );
    await clinic.as.nurse
      .patch(`/api/appointments/${saturday.body.id}`)
      .send({ version: 99, status: 'cancelled', reason: 'Booked twice' })
      .expect(409);
    await clinic.as.nurse
      .patch(`/api/appointments/${saturday.body.id}`)
      .send({ version: 1, status: 'fulfilled' })
      .expect(422)
      .expect((r) => expect(r.body.message).toMatch(/allowed: arrived, cancelled, noshow/));
    await clinic.as.admin
      .post('/api/appointments')
      .send({ patientId, type: 'refill', startsAt: after(DAY_MS) })
      .expect(403);
    expect(await countAuditEvents(ctx, clinic.id)).toBe(before);

    const other = await createClinic(ctx);
    await other.as.nurse
      .post('/api/appointments')
      .send({ patientId, type: 'refill', startsAt: after(DAY_MS) })
      .expect(404);
    await other.as.nurse
      .patch(`/api/appointments/${saturday.body.id}`)
      .send({ version: 1, status: 'cancelled', reason: 'Booked twice' })
      .expect(404);
  });

  it('books once per Idempotency-Key, and the queue shows the booking', async () => {
    const key = `book-${patientId}`;
    const first = await book(after(DAY_MS)).set('Idempotency-Key', key).expect(201);
    const again = await book(after(DAY_MS)).set('Idempotency-Key', key).expect(201);
    expect(again.body).toEqual(first.body);
    const queue = await clinic.as.specialist.get('/api/refill-queue').expect(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ pumpId: pump.id, nextAppointment: expect.objectContaining({ id: first.body.id }) }),
    ]);
    const unscheduled = await clinic.as.specialist.get('/api/refill-queue?unscheduledOnly=true').expect(200);
    expect(unscheduled.body.items).toEqual([]);
  });

  it('keeps the report counts equal to the records after the bookings and refills above', async () => {
    expect(await keptCountsDrift(ctx.dataSource)).toEqual([]);
  });
});
