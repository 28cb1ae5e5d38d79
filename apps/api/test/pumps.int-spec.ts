import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PumpResponse } from '@itb/contracts';
import {
  countAuditEvents,
  countRows,
  createClinic,
  createPatient,
  implantInput,
  implantPump,
  type TestClinic,
} from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

describe('pumps', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  it('projects DESIGN.md’s worked example: alarm at fill + 90 days, empty at + 100, refill-by 5 days before the alarm date', async () => {
    // 20 mL of 2000 mcg/mL at 400 mcg/day → 0.2 mL/day; (20 − 2) / 0.2 = 90 days to alarm; 20 / 0.2 = 100 days to empty.
    const performedAt = '2026-09-01T10:00:00.000Z';
    ctx.clock.set('2026-09-11T10:00:00.000Z');
    try {
      const patient = await createPatient(clinic);
      const pump = await implantPump(clinic, patient.id, performedAt);
      expect(pump).toMatchObject({
        model: 'synchromed_ii_20',
        reservoirMl: 20,
        alarmMl: 2,
        currentDailyDoseMcg: 400,
        status: 'active',
      });
      expect(pump.projection).toEqual({
        volumeNowMl: 18, // 10 days × 0.2 mL/day drained
        dailyVolumeMl: 0.2,
        alarmAt: new Date(Date.parse(performedAt) + 90 * DAY_MS).toISOString(),
        emptyAt: new Date(Date.parse(performedAt) + 100 * DAY_MS).toISOString(),
        refillBy: '2026-11-25', // alarm 2026-11-30 (London) − 5 days
        daysToAlarm: 80,
        isRefillByStabilityCapped: false,
      });
      const fetched = await clinic.as.admin.get(`/api/pumps/${pump.id}`).expect(200);
      expect(fetched.body.projection).toEqual(pump.projection);
      const [stored] = (await ctx.dataSource.query(`SELECT refill_by::text, alarm_at FROM pumps WHERE id = $1`, [
        pump.id,
      ])) as [{ refill_by: string; alarm_at: Date }];
      expect(stored).toEqual({ refill_by: '2026-11-25', alarm_at: new Date(pump.projection!.alarmAt) });
      const chart = await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
      expect(chart.body.activePump.id).toBe(pump.id);
    } finally {
      ctx.clock.reset();
    }
  });

  it('defaults the alarm volume from the catalogue: Prometra II 3.0 mL', async () => {
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, new Date(Date.now() - DAY_MS).toISOString(), {
      model: 'prometra_ii_40',
    });
    expect(pump).toMatchObject({ reservoirMl: 40, alarmMl: 3, modelLabel: 'Prometra II 40 mL' });
  });

  const yesterday = () => new Date(Date.now() - DAY_MS).toISOString();
  it.each([
    ['an unknown pump model', () => implantInput(yesterday(), { model: 'acme_9000' as never }), 400, ['model']],
    [
      'a negative volume',
      () => implantInput(yesterday(), { initialFill: { volumeAddedMl: -1 } as never }),
      400,
      ['initialFill.volumeAddedMl'],
    ],
    [
      'a volume as text',
      () => implantInput(yesterday(), { initialFill: { volumeAddedMl: '20' } as never }),
      400,
      ['initialFill.volumeAddedMl'],
    ],
    [
      'a volume above the reservoir',
      () => implantInput(yesterday(), { initialFill: { volumeAddedMl: 25 } as never }),
      422,
      ['initialFill.volumeAddedMl'],
    ],
    [
      'a dose above 3,000 mcg/day',
      () => implantInput(yesterday(), { initialFill: { dailyDoseMcg: 3500 } as never }),
      400,
      ['initialFill.dailyDoseMcg'],
    ],
    [
      'a zero dose',
      () => implantInput(yesterday(), { initialFill: { dailyDoseMcg: 0 } as never }),
      400,
      ['initialFill.dailyDoseMcg'],
    ],
    [
      'a fill in the future',
      // An hour ahead; the implant date stays yesterday's, so near midnight UTC only the fill is in the future.
      () => implantInput(new Date(Date.now() + 3_600_000).toISOString(), { implantedOn: yesterday().slice(0, 10) }),
      400,
      ['initialFill.performedAt'],
    ],
    [
      'an expired lot',
      () => implantInput(yesterday(), { initialFill: { lotExpiresOn: '2020-01-01' } as never }),
      422,
      ['initialFill.lotExpiresOn'],
    ],
    ['an alarm volume above the reservoir', () => implantInput(yesterday(), { alarmMl: 20 }), 422, ['alarmMl']],
    [
      'a model "other" without a reservoir size',
      () => implantInput(yesterday(), { model: 'other' }),
      400,
      ['reservoirMl'],
    ],
    [
      'missing fill fields',
      () => ({ ...implantInput(yesterday()), initialFill: {} }),
      400,
      ['initialFill.performedAt', 'initialFill.lotNumber'],
    ],
  ])('refuses %s with %i naming the field, and writes nothing', async (_label, body, status, fields) => {
    const own = await createClinic(ctx);
    const patient = await createPatient(own);
    const auditBefore = await countAuditEvents(ctx, own.id);
    const res = await own.as.nurse.post(`/api/patients/${patient.id}/pumps`).send(body()).expect(status);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    expect(await countRows(ctx, 'pumps', own.id)).toBe(0);
    expect(await countRows(ctx, 'fills', own.id)).toBe(0);
    expect(await countAuditEvents(ctx, own.id)).toBe(auditBefore);
  });

  it('refuses a second active pump with 409 and allows one after explant', async () => {
    const patient = await createPatient(clinic);
    const first = await implantPump(clinic, patient.id, new Date(Date.now() - 10 * DAY_MS).toISOString());
    const again = await clinic.as.specialist
      .post(`/api/patients/${patient.id}/pumps`)
      .send(implantInput(new Date(Date.now() - DAY_MS).toISOString()))
      .expect(409);
    expect(fieldsOf(again.body)).toEqual(['patientId']);
    const today = new Date().toISOString().slice(0, 10);
    const explanted = await clinic.as.specialist
      .post(`/api/pumps/${first.id}/explant`)
      .send({ version: first.version, explantedOn: today, reason: 'Infection of the pump pocket' })
      .expect(200);
    expect(explanted.body).toMatchObject({ status: 'explanted', explantedOn: today, projection: null });
    await implantPump(clinic, patient.id, new Date(Date.now() - 3_600_000).toISOString());
  });

  it('changes the alarm volume with optimistic locking, re-projecting the alarm date', async () => {
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, new Date(Date.now() - DAY_MS).toISOString());
    const res = await clinic.as.specialist
      .patch(`/api/pumps/${pump.id}`)
      .send({ version: pump.version, alarmMl: 4, reason: 'Earlier warning agreed at review' })
      .expect(200);
    const moved = res.body as PumpResponse;
    // 2 mL more in reserve at 0.2 mL/day: the alarm comes 10 days earlier.
    expect(Date.parse(pump.projection!.alarmAt) - Date.parse(moved.projection!.alarmAt)).toBe(10 * DAY_MS);
    const stale = await clinic.as.specialist
      .patch(`/api/pumps/${pump.id}`)
      .send({ version: pump.version, alarmMl: 3, reason: 'Second edit on the old view' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const audit = await clinic.as.admin.get('/api/audit-events').query({ entityId: pump.id, action: 'pump.update' });
    expect(audit.body.items[0]).toMatchObject({ before: { alarmMl: 2 }, after: { alarmMl: 4 } });
  });

  it('replaces a pump in one step: the old one explanted with its history, the new one implanted, both audited with the reason', async () => {
    ctx.clock.set('2026-09-11T10:00:00.000Z');
    try {
      const patient = await createPatient(clinic);
      const old = await implantPump(clinic, patient.id, '2026-09-01T10:00:00.000Z');
      const reason = 'End of battery life: elective replacement';
      const body = {
        version: old.version,
        explantedOn: '2026-09-11',
        reason,
        newPump: implantInput('2026-09-11T09:00:00.000Z', { model: 'synchromed_ii_40' }),
      };

      // The new pump's implant date before the explant: refused, nothing changed.
      const early = await clinic.as.specialist
        .post(`/api/pumps/${old.id}/replace`)
        .send({ ...body, newPump: { ...body.newPump, implantedOn: '2026-09-10' } })
        .expect(422);
      expect(fieldsOf(early.body)).toEqual(['newPump.implantedOn']);
      // A first fill refused by the new pump's checks names its field under newPump.
      const overfull = await clinic.as.specialist
        .post(`/api/pumps/${old.id}/replace`)
        .send({
          ...body,
          newPump: { ...body.newPump, initialFill: { ...body.newPump.initialFill, volumeAddedMl: 41 } },
        })
        .expect(422);
      expect(fieldsOf(overfull.body)).toEqual(['newPump.initialFill.volumeAddedMl']);
      expect((await clinic.as.nurse.get(`/api/pumps/${old.id}`).expect(200)).body.status).toBe('active');
      await clinic.as.nurse.post(`/api/pumps/${old.id}/replace`).set('Idempotency-Key', 'n').send(body).expect(403);

      const key = `replace-${old.id}`;
      const res = await clinic.as.specialist
        .post(`/api/pumps/${old.id}/replace`)
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      const replayed = await clinic.as.specialist
        .post(`/api/pumps/${old.id}/replace`)
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body.id).toBe(res.body.id);
      expect(res.body).toMatchObject({ model: 'synchromed_ii_40', status: 'active', implantedOn: '2026-09-11' });

      const chart = await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
      expect(chart.body.activePump.id).toBe(res.body.id);
      expect((await clinic.as.nurse.get(`/api/pumps/${old.id}`).expect(200)).body).toMatchObject({
        status: 'explanted',
        explantedOn: '2026-09-11',
      });
      // The old pump keeps its fill; the explant is an event of its history.
      expect((await clinic.as.nurse.get(`/api/pumps/${old.id}/fills`).expect(200)).body.items).toHaveLength(1);
      const events = (await clinic.as.nurse.get(`/api/pumps/${old.id}/events`).expect(200)).body.items as {
        type: string;
      }[];
      expect(events.map((e) => e.type)).toContain('explant');
      const audit = await clinic.as.admin
        .get('/api/audit-events')
        .query({ patientId: patient.id, action: 'pump.' })
        .expect(200);
      const rows = (audit.body.items as { action: string; entityId: string; reason: string | null }[]).map((e) => ({
        action: e.action,
        entityId: e.entityId,
        reason: e.reason,
      }));
      expect(rows.slice(0, 2).sort((a, b) => a.action.localeCompare(b.action))).toEqual([
        { action: 'pump.explant', entityId: old.id, reason },
        { action: 'pump.implant', entityId: res.body.id, reason },
      ]);
      expect(rows.filter((r) => r.entityId === res.body.id)).toHaveLength(1);
    } finally {
      ctx.clock.reset();
    }
  });

  it('lets a nurse implant but not edit or explant a pump', async () => {
    const patient = await createPatient(clinic);
    const res = await clinic.as.nurse
      .post(`/api/patients/${patient.id}/pumps`)
      .send(implantInput(new Date(Date.now() - DAY_MS).toISOString()))
      .expect(201);
    await clinic.as.nurse
      .patch(`/api/pumps/${res.body.id}`)
      .send({ version: 1, alarmMl: 3, reason: 'Nurse edit' })
      .expect(403);
    await clinic.as.admin
      .post(`/api/patients/${patient.id}/pumps`)
      .send(implantInput(new Date().toISOString()))
      .expect(403);
  });
});
