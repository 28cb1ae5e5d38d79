import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Response } from 'supertest';
import { createClinic, implantInput, patientInput, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();
const STRONG = 'violet-harbor-kettle-58';
const STRONGER = 'Glacier-Tulip-Orbit-93';

/**
 * Every audited action, done once through the API, leaves exactly one audit row naming it and its
 * record (a refill also fulfils the appointment booked for it: that is its own, second action). Rows
 * the flag evaluation adds for rule flags (raise, escalate, auto-resolve) are its own and set aside.
 */
describe('one audit row per audited action', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let lastAuditId = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(at(0.5));
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  /** The audit rows the last request added, rule-flag evaluation rows aside. */
  const newRows = async () => {
    const rows = (await ctx.dataSource.query(
      `SELECT a.id::int, a.action, a.entity_id FROM audit_events a
         LEFT JOIN flags f ON a.entity_type = 'flag' AND f.id::text = a.entity_id
        WHERE a.clinic_id = $1 AND a.id > $2 AND (f.id IS NULL OR f.code = 'manual')
        ORDER BY a.id`,
      [clinic.id, lastAuditId],
    )) as { id: number; action: string; entity_id: string }[];
    const [max] = (await ctx.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM audit_events WHERE clinic_id = $1`,
      [clinic.id],
    )) as [{ id: number }];
    lastAuditId = max.id;
    return rows.map((r) => [r.action, r.entity_id]);
  };
  const expectAudited = async (res: Response, status: number, ...rows: [string, string][]) => {
    expect(res.status).toBe(status);
    expect(await newRows()).toEqual(rows);
  };

  it('writes one row for each of the 26 audited actions', async () => {
    await newRows(); // the set-up's sign-ins
    const { specialist, nurse, admin } = clinic.as;

    const patient = await specialist.post('/api/patients').send(patientInput());
    const patientId = patient.body.id as string;
    await expectAudited(patient, 201, ['patient.create', patientId]);
    await expectAudited(await nurse.get(`/api/patients/${patientId}`), 200, ['patient.view', patientId]);
    await expectAudited(
      await specialist.patch(`/api/patients/${patientId}`).send({ version: 1, givenName: 'Augusta' }),
      200,
      ['patient.update', patientId],
    );

    const implant = await specialist.post(`/api/patients/${patientId}/pumps`).send(implantInput(FILL_AT));
    const pumpId = implant.body.id as string;
    await expectAudited(implant, 201, ['pump.implant', pumpId]);
    await expectAudited(
      await specialist
        .patch(`/api/pumps/${pumpId}`)
        .send({ version: await pumpVersionOf(ctx, pumpId), alarmMl: 2.5, reason: 'Alarm set higher at review' }),
      200,
      ['pump.update', pumpId],
    );
    const event = await nurse
      .post(`/api/pumps/${pumpId}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pumpId), type: 'interrogation', occurredAt: at(0.4) });
    await expectAudited(event, 201, ['pump_event.create', event.body.id]);

    ctx.clock.set(at(10));
    const dose = await specialist.post(`/api/pumps/${pumpId}/dose-adjustments`).send({
      effectiveAt: at(9.9),
      newDailyDoseMcg: 440,
      reason: 'titration_up',
      orderedById: clinic.users.specialist.id,
      pumpVersion: await pumpVersionOf(ctx, pumpId),
    });
    await expectAudited(dose, 201, ['dose_adjustment.create', dose.body.id]);

    const booked = await nurse.post('/api/appointments').send({ patientId, type: 'refill', startsAt: at(40) });
    const bookedId = booked.body.id as string;
    await expectAudited(booked, 201, ['appointment.create', bookedId]);
    await expectAudited(
      await nurse.patch(`/api/appointments/${bookedId}`).send({ version: 1, startsAt: at(41) }),
      200,
      ['appointment.update', bookedId],
    );
    const review = await nurse.post('/api/appointments').send({ patientId, type: 'dose_review', startsAt: at(20) });
    await expectAudited(review, 201, ['appointment.create', review.body.id]);
    await expectAudited(
      await nurse
        .patch(`/api/appointments/${review.body.id}`)
        .send({ version: 1, status: 'cancelled', reason: 'Patient asked to cancel' }),
      200,
      ['appointment.cancelled', review.body.id],
    );

    const visit = await nurse.post('/api/appointments').send({ patientId, type: 'interrogation', startsAt: at(10.1) });
    await expectAudited(visit, 201, ['appointment.create', visit.body.id]);
    await expectAudited(
      await nurse.patch(`/api/appointments/${visit.body.id}`).send({ version: 1, status: 'arrived' }),
      200,
      ['appointment.arrived', visit.body.id],
    );

    // The refill on the booked day fulfils the booking in its transaction: two actions, one row each.
    ctx.clock.set(at(41.01));
    const fill = await nurse.post(`/api/pumps/${pumpId}/fills`).send({
      performedAt: at(41),
      residualWithdrawnMl: 11.7,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 440,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'LOT-A',
      lotExpiresOn: '2028-01-01',
      pumpVersion: await pumpVersionOf(ctx, pumpId),
    });
    await expectAudited(fill, 201, ['fill.create', fill.body.id], ['appointment.fulfilled', bookedId]);

    const flag = await nurse.post(`/api/patients/${patientId}/flags`).send({ signs: ['fever'], note: 'Hot' });
    await expectAudited(flag, 201, ['flag.raise', flag.body.id]);
    await expectAudited(await specialist.post(`/api/flags/${flag.body.id}/acknowledge`).send({}), 200, [
      'flag.acknowledge',
      flag.body.id,
    ]);
    await expectAudited(await specialist.post(`/api/flags/${flag.body.id}/resolve`).send({ note: 'Settled' }), 200, [
      'flag.resolve',
      flag.body.id,
    ]);

    await expectAudited(
      await specialist
        .post(`/api/pumps/${pumpId}/explant`)
        .send({ version: await pumpVersionOf(ctx, pumpId), explantedOn: at(41).slice(0, 10), reason: 'Infection' }),
      200,
      ['pump.explant', pumpId],
    );
    await expectAudited(await admin.patch('/api/clinic').send({ version: 1, refillLeadDays: 6 }), 200, [
      'clinic.update',
      clinic.id,
    ]);

    const invited = await admin
      .post('/api/users')
      .send({ email: `audited-${clinic.id.slice(0, 8)}@test.example`, name: 'Audited User', role: 'nurse' });
    const userId = invited.body.user.id as string;
    await expectAudited(invited, 201, ['user.create', userId]);
    await expectAudited(await admin.patch(`/api/users/${userId}`).send({ version: 1, name: 'Audited Nurse' }), 200, [
      'user.update',
      userId,
    ]);
    await expectAudited(await admin.patch(`/api/users/${userId}`).send({ version: 2, isActive: false }), 200, [
      'user.deactivate',
      userId,
    ]);
    await expectAudited(await admin.patch(`/api/users/${userId}`).send({ version: 3, isActive: true }), 200, [
      'user.reactivate',
      userId,
    ]);
    const reset = await admin.post(`/api/users/${userId}/reset`).send({ version: 4 });
    await expectAudited(reset, 200, ['user.reset', userId]);
    await expectAudited(
      await request(ctx.server)
        .post('/api/auth/invitations/accept')
        .send({ token: reset.body.invitation.token, password: STRONG }),
      204,
      ['user.set_password', userId],
    );
    const agent = request.agent(ctx.server);
    await expectAudited(
      await agent.post('/api/auth/login').send({ email: invited.body.user.email, password: STRONG }),
      200,
      ['auth.login', userId],
    );
    await expectAudited(
      await agent.post('/api/auth/password').send({ currentPassword: STRONG, newPassword: STRONGER }),
      204,
      ['user.change_password', userId],
    );
  });
});
