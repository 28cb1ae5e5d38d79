import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AppointmentPreviewResponse, PumpResponse } from '@itb/contracts';
import { countAuditEvents, createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW = '2026-06-10T08:00:00.000Z'; // Wednesday 09:00 BST
const after = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

/** Issue 14 item 3: the booking form's checks, from the preview endpoint and on the saved booking. */
describe('booking checks: pump dates, day capacity, cancel with a reason', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pump: PumpResponse;

  const slot = (startsAt: string, extra: object = {}) => ({ patientId, type: 'refill', startsAt, ...extra });
  const preview = async (body: object) =>
    (await clinic.as.nurse.post('/api/appointments/preview').send(body).expect(200)).body as AppointmentPreviewResponse;
  const appointmentCount = async () =>
    (
      (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM appointments WHERE clinic_id = $1`, [clinic.id])) as [
        { n: number },
      ]
    )[0].n;

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
    patientId = (await createPatient(clinic)).id;
    // The worked example filled 80 days ago: alarm 2026-06-20 08:00Z, refill-by 2026-06-15.
    pump = await implantPump(clinic, patientId, after(-80 * DAY_MS));
  });

  it("answers the pump's dates and warns past each of them, exactly as the saved booking then says", async () => {
    const { projection } = (await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200)).body as PumpResponse;
    const current = projection!;
    const onTime = await preview(slot(after(5 * DAY_MS + 2 * HOUR_MS))); // Mon 15 June, 11:00 BST
    expect(onTime).toEqual({
      startsOn: '2026-06-15',
      pump: { alarmAt: current.alarmAt, emptyAt: current.emptyAt, refillBy: '2026-06-15' },
      day: { booked: 0, capacity: 16, isFull: false },
      warnings: [],
    });
    expect(current.alarmAt).toBe('2026-06-20T08:00:00.000Z');

    const late = await preview(slot(after(6 * DAY_MS + 2 * HOUR_MS))); // Tue 16 June
    expect(late.warnings).toEqual(['Falls after the refill-by date (15 Jun 2026)']);
    const afterAlarm = await preview(slot(after(12 * DAY_MS + 2 * HOUR_MS))); // Mon 22 June
    expect(afterAlarm.warnings).toEqual([
      "Starts after the pump's low-reservoir alarm (20 Jun 2026, 09:00 BST)",
      'Falls after the refill-by date (15 Jun 2026)',
    ]);
    const emptyDay = Date.parse(current.emptyAt) + DAY_MS;
    const dry = await preview(slot(new Date(emptyDay).toISOString()));
    expect(dry.warnings[0]).toMatch(/^Starts after the pump is projected to run empty \(.+\): the patient would be/);
    // Nothing is written by a preview.
    expect(await appointmentCount()).toBe(0);

    const booked = await clinic.as.nurse.post('/api/appointments').send(slot(after(12 * DAY_MS + 2 * HOUR_MS)));
    expect(booked.status).toBe(201);
    expect(booked.body.warnings).toEqual(afterAlarm.warnings);
    // The calendar and Today's clinic show how urgent the visit is from the pump's own projection.
    expect(booked.body.pump).toEqual({
      alarmAt: current.alarmAt,
      emptyAt: current.emptyAt,
      volumeNowMl: current.volumeNowMl,
    });
    // The day's list carries the same figures as the pump card and the queue.
    const listed = await clinic.as.nurse.get(`/api/appointments?patientId=${patientId}`).expect(200);
    expect(listed.body.items[0].pump).toEqual(booked.body.pump);
  });

  it("warns once a day's slots are taken, and a move does not count the appointment against its own day", async () => {
    await clinic.as.admin.patch('/api/clinic').send({ version: 1, slotsPerDay: 2 }).expect(200);
    const thursday = after(DAY_MS + 2 * HOUR_MS); // Thu 11 June, 11:00 BST
    const first = await clinic.as.nurse.post('/api/appointments').send(slot(thursday)).expect(201);
    const other = (await createPatient(clinic)).id;
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: other, type: 'dose_review', startsAt: after(DAY_MS + 3 * HOUR_MS) })
      .expect(201);

    const third = (await createPatient(clinic)).id;
    const full = await preview({ patientId: third, type: 'interrogation', startsAt: after(DAY_MS + 4 * HOUR_MS) });
    expect(full.day).toEqual({ booked: 2, capacity: 2, isFull: true });
    expect(full.warnings).toEqual(['11 Jun 2026 is full: 2 of 2 slots booked']);
    const moving = await preview(slot(after(DAY_MS + 5 * HOUR_MS), { appointmentId: first.body.id }));
    expect(moving.day).toEqual({ booked: 1, capacity: 2, isFull: false });

    const overbooked = await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: third, type: 'interrogation', startsAt: after(DAY_MS + 4 * HOUR_MS) })
      .expect(201);
    expect(overbooked.body.warnings).toEqual(full.warnings);

    // A cancelled appointment frees its slot.
    await clinic.as.nurse
      .patch(`/api/appointments/${overbooked.body.id}`)
      .send({ version: 1, status: 'cancelled', reason: 'Booked on a full day' })
      .expect(200);
    expect((await preview({ patientId: third, type: 'interrogation', startsAt: thursday })).day.booked).toBe(2);
  });

  it('refuses a cancellation without a reason and keeps the reason it is given, on the appointment and in the audit', async () => {
    const booked = await clinic.as.nurse
      .post('/api/appointments')
      .send(slot(after(DAY_MS)))
      .expect(201);
    const auditBefore = await countAuditEvents(ctx, clinic.id);
    for (const reason of [undefined, '', '   ']) {
      await clinic.as.nurse
        .patch(`/api/appointments/${booked.body.id}`)
        .send({ version: 1, status: 'cancelled', ...(reason === undefined ? {} : { reason }) })
        .expect(400)
        .expect((r) =>
          expect(r.body.details).toEqual([{ field: 'reason', message: 'is required to cancel an appointment' }]),
        );
    }
    expect(await countAuditEvents(ctx, clinic.id)).toBe(auditBefore);

    const cancelled = await clinic.as.nurse
      .patch(`/api/appointments/${booked.body.id}`)
      .send({ version: 1, status: 'cancelled', reason: 'Patient admitted to hospital' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Patient admitted to hospital' });
    const [row] = (await ctx.dataSource.query(
      `SELECT reason, after->>'statusReason' AS kept FROM audit_events WHERE entity_id = $1 AND action = 'appointment.cancelled'`,
      [booked.body.id],
    )) as [{ reason: string; kept: string }];
    expect(row).toEqual({ reason: 'Patient admitted to hospital', kept: 'Patient admitted to hospital' });
  });

  it("answers 404 for another clinic's patient or appointment, 400 naming a bad field, and writes nothing", async () => {
    const booked = await clinic.as.nurse
      .post('/api/appointments')
      .send(slot(after(DAY_MS)))
      .expect(201);
    const other = await createClinic(ctx);
    await other.as.nurse
      .post('/api/appointments/preview')
      .send(slot(after(DAY_MS)))
      .expect(404);
    const stranger = (await createPatient(other)).id;
    await other.as.nurse
      .post('/api/appointments/preview')
      .send({ patientId: stranger, type: 'refill', startsAt: after(DAY_MS), appointmentId: booked.body.id })
      .expect(404);
    await clinic.as.nurse
      .post('/api/appointments/preview')
      .send({ patientId, type: 'refill', startsAt: 'next Tuesday' })
      .expect(400)
      .expect((r) => expect(r.body.details.map((d: { field: string }) => d.field)).toEqual(['startsAt']));
    await clinic.as.admin
      .post('/api/appointments/preview')
      .send(slot(after(DAY_MS)))
      .expect(403);
    expect(await appointmentCount()).toBe(1);
  });
});
